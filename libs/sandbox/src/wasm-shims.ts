/**
 * Script run first in every isolate that hosts a WebAssembly engine (sql.js, Pyodide). Both
 * are Emscripten builds that expect a browser or Node; an isolate has neither, so this gives
 * them pure-JS stand-ins and, above all, the memory cap:
 *
 * - `WebAssembly.Memory.prototype.grow` is replaced (non-writable, non-configurable, so code in
 *   the isolate cannot put the original back) by a version that refuses to grow any memory past
 *   `cap` bytes. isolated-vm's memoryLimit does not count WebAssembly memory, so without this a
 *   Python or SQLite allocation could take the host's RAM. Emscripten catches the refusal and
 *   reports an allocation failure (MemoryError in Python, SQLITE_NOMEM in SQLite).
 * - The cap starts at 0 (no cap) while the engine loads; the host sets it once the engine's own
 *   baseline is known (`__wasmCap(bytes)`), and reads whether it was hit (`__wasmCapHit()`).
 *   Both live in this script's closure, reached only through the functions it returns.
 * - Asynchronous WebAssembly compilation never settles inside an isolate (isolated-vm runs no
 *   compile tasks), so `instantiate`/`compile` are replaced by synchronous versions that return
 *   already-settled promises. `instantiate` of an empty buffer means "the engine's main
 *   module": the one the host compiled once and passed in.
 *
 * The script's completion value is an object `{ instance, used, setCap, resetHit, capHit }` that the
 * host keeps as a Reference and hands to the engine's harness (never to a global).
 */
export const WASM_SHIMS = String.raw`(function () {
  'use strict';
  const G = globalThis;
  const W = G.WebAssembly;
  const fromCharCode = String.fromCharCode;
  function utf8Decode(u) {
    let s = '';
    let chunk = [];
    for (let i = 0; i < u.length; ) {
      let c = u[i++];
      if (c >= 0x80) {
        if (c >= 0xf0 && i + 2 < u.length + 0) {
          c = ((c & 7) << 18) | ((u[i++] & 63) << 12) | ((u[i++] & 63) << 6) | (u[i++] & 63);
        } else if (c >= 0xe0) {
          c = ((c & 15) << 12) | ((u[i++] & 63) << 6) | (u[i++] & 63);
        } else if (c >= 0xc0) {
          c = ((c & 31) << 6) | (u[i++] & 63);
        } else c = 0xfffd;
      }
      if (c > 0xffff) {
        c -= 0x10000;
        chunk.push(0xd800 | (c >> 10), 0xdc00 | (c & 1023));
      } else chunk.push(c);
      if (chunk.length >= 8192) {
        s += fromCharCode.apply(null, chunk);
        chunk = [];
      }
    }
    return s + fromCharCode.apply(null, chunk);
  }
  function utf8Encode(str) {
    const out = new Uint8Array(str.length * 3);
    let n = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
      }
      if (c < 0x80) out[n++] = c;
      else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
      else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
      else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    }
    return out.subarray(0, n);
  }
  G.TextDecoder = class TextDecoder {
    decode(b) {
      if (!b) return '';
      const u = b instanceof Uint8Array ? b : ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
      return utf8Decode(u);
    }
  };
  G.TextEncoder = class TextEncoder {
    encode(s) { return utf8Encode(String(s === undefined ? '' : s)).slice(); }
    encodeInto(s, a) {
      const e = utf8Encode(String(s));
      const n = Math.min(e.length, a.length);
      a.set(e.subarray(0, n));
      return { read: s.length, written: n };
    }
  };
  const t0 = Date.now();
  G.performance = { now: () => Date.now() - t0, timeOrigin: t0 };

  let cap = 0;
  let hit = false;
  const grow = W.Memory.prototype.grow;
  const byteLength = Object.getOwnPropertyDescriptor(W.Memory.prototype, 'buffer').get;
  const bufferBytes = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const apply = Reflect.apply;
  Object.defineProperty(W.Memory.prototype, 'grow', {
    value: function grow_(pages) {
      const now = apply(bufferBytes, apply(byteLength, this, []), []);
      // The cap is on the total of the engine's memory (one memory per engine here).
      if (cap && now + pages * 65536 > cap) {
        hit = true;
        throw new RangeError('WebAssembly.Memory.grow(): the memory limit is reached');
      }
      return apply(grow, this, [pages]);
    },
    writable: false,
    configurable: false,
    enumerable: false,
  });
  const Module = W.Module;
  const Instance = W.Instance;
  const Memory = W.Memory;
  const memories = [];
  // Every instance's exported memory is remembered: the cap is set from their real size.
  function instance(m, imports) {
    const inst = new Instance(m, imports);
    for (const v of Object.values(inst.exports)) if (v instanceof Memory) memories.push(v);
    return inst;
  }
  function used() {
    let n = 0;
    for (const m of memories) n += apply(bufferBytes, apply(byteLength, m, []), []);
    return n;
  }
  W.instantiate = function (b, imports) {
    if (b instanceof Module) return Promise.resolve(instance(b, imports));
    const m = b.byteLength === 0 ? G.__mainWasm : new Module(b);
    return Promise.resolve({ module: m, instance: instance(m, imports) });
  };
  W.compile = (b) => Promise.resolve(new Module(b));
  delete W.instantiateStreaming;
  delete W.compileStreaming;
  return {
    instance,
    used,
    setCap(bytes) { cap = bytes; hit = false; },
    resetHit() { hit = false; },
    capHit() { return hit; },
  };
})()`;
