/** What the benchmark's Python and SQL floors load (see wasmFloorParts in index.ts). */
export { compileCached, pyodideAssets, sqlJsAssets } from './wasm-assets';
export { WASM_SHIMS } from './wasm-shims';
export { PY_PRELUDE } from './python-harness';
