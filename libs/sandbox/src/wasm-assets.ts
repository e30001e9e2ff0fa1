import ivm from 'isolated-vm';
import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Files of the WebAssembly engines (sql.js, Pyodide), read from their npm packages in the sandbox
 * child, never downloaded. Each engine's wasm is compiled once per child on the host and shared
 * with every isolate as a compiled module (isolated-vm transfers a WebAssembly.Module inside an
 * ExternalCopy without recompiling it); each large script is compiled with V8's code cache, so a
 * new isolate parses it from cached data.
 */

const cachedData = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

interface CachedScript {
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
  cachedDataRejected?: boolean;
}

// The project's lib settings carry no WebAssembly types; only compilation is needed here.
const Wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object } }).WebAssembly;

/** Compiles `code` in `iso`, with V8's code cache for `key` (made on first use). */
export function compileCached(iso: ivm.Isolate, key: string, code: string, filename: string): ivm.Script {
  const cached = cachedData.get(key);
  if (cached) {
    const script = iso.compileScriptSync(code, { filename, cachedData: cached });
    if (!(script as CachedScript).cachedDataRejected) return script;
    script.release();
  }
  const script = iso.compileScriptSync(code, { filename, produceCachedData: true });
  const produced = (script as CachedScript).cachedData;
  if (produced) cachedData.set(key, produced);
  return script;
}

/** The installed package's folder (neither package exports its package.json or its wasm). */
export function packageDir(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`package ${name} is not installed`);
}

export interface SqlAssets {
  glue: string;
  /** `{ m: WebAssembly.Module }`: copied into each isolate as `__mainWasm`. */
  wasm: ivm.ExternalCopy;
}

let sqlAssets: SqlAssets | null = null;

export function sqlJsAssets(): SqlAssets {
  if (sqlAssets) return sqlAssets;
  const dir = path.join(packageDir('sql.js'), 'dist');
  // The glue assigns module.exports when `module` exists; in the isolate it must stay a global.
  const glue = fs.readFileSync(path.join(dir, 'sql-wasm.js'), 'utf8');
  const module = new Wasm.Module(fs.readFileSync(path.join(dir, 'sql-wasm.wasm')));
  sqlAssets = { glue, wasm: new ivm.ExternalCopy({ m: module }) };
  return sqlAssets;
}

export interface PyodideAssets {
  /** pyodide.asm.mjs turned into a script that sets `globalThis.__createPyodideModule`. */
  asm: string;
  /** pyodide.js (the loader) as a script that sets `globalThis.loadPyodide`. */
  loader: string;
  /** `{ m: WebAssembly.Module, lock: string, stdlib: Uint8Array }`. */
  files: ivm.ExternalCopy;
  version: string;
}

let pyAssets: PyodideAssets | null = null;

export function pyodideAssets(): PyodideAssets {
  if (pyAssets) return pyAssets;
  const dir = packageDir('pyodide');
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // An ES module with top-level await cannot run as an isolate script: drop its one export and
  // give import.meta.url a fixed value (it only names the wasm file, which the shims provide).
  const asm = fs
    .readFileSync(path.join(dir, 'pyodide.asm.mjs'), 'utf8')
    .replace(/import\.meta\.url/g, '"file:///pyodide/pyodide.asm.mjs"')
    .replace(/export\s+default\s+(\w+)\s*;?\s*$/, 'globalThis.__createPyodideModule = $1;');
  if (!asm.includes('globalThis.__createPyodideModule')) throw new Error(`pyodide ${version}: unexpected pyodide.asm.mjs layout`);
  const loader = fs.readFileSync(path.join(dir, 'pyodide.js'), 'utf8').replace('try{Object.assign(exports,loadPyodide)}catch(_){}', '');
  const module = new Wasm.Module(fs.readFileSync(path.join(dir, 'pyodide.asm.wasm')));
  const files = new ivm.ExternalCopy({
    m: module,
    lock: fs.readFileSync(path.join(dir, 'pyodide-lock.json'), 'utf8'),
    stdlib: new Uint8Array(fs.readFileSync(path.join(dir, 'python_stdlib.zip'))),
  });
  pyAssets = { asm, loader, files, version };
  return pyAssets;
}
