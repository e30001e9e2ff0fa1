/**
 * The code that runs inside each fresh context before the candidate's code, as a string so no
 * transpiler touches it. It must be read with hostility in mind:
 *
 * - It runs first, so it captures the intrinsics it needs (JSON.stringify, eval, ...) before
 *   candidate code can replace them; after that it only calls the captured ones.
 * - It is strict mode throughout, so stack-trace call sites and `fn.caller` never reveal its
 *   functions or receivers to candidate code.
 * - The prelude script (compiled once per isolate, run once per context) returns `finish`, the
 *   only thing the host keeps a Reference to. `finish('run', code, mode, entry, argsJson, input,
 *   seed, outputCap, resultCap)` (primitives only) sets the context up and runs the candidate in
 *   one call: one isolate hop per test, like a bare script run.
 * - It puts nothing on globalThis except what candidates are meant to use (console, print,
 *   input, readline, module/exports). The host reaches it only through the Reference to
 *   `finish` that the prelude returns; candidate code cannot reach that function.
 * - The candidate's code is evaluated by `finish` itself with an indirect eval inside a
 *   try/catch, so nothing the candidate throws ever crosses the isolate boundary: isolated-vm
 *   copies thrown values on its own thread with no timeout, and a thrown Proxy hangs it.
 * - Everything it hands back is a string built by concatenating primitives from a
 *   null-prototype record, so copying it out never runs candidate code (no getters, no toJSON,
 *   no thenables).
 *
 * It also removes what would escape the isolate's limits: WebAssembly (wasm memory is not
 * counted by the isolate's memory limit, and async compilation resolves outside any timed
 * run), FinalizationRegistry and Atomics.waitAsync (their callbacks run between runs, where no
 * timeout applies, and a looping callback hangs the isolate's thread).
 */
export const HARNESS_PRELUDE = String.raw`(function () {
  'use strict';
  const G = globalThis;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const indirectEval = G.eval;
  const StringCtor = String;
  const ErrorCtor = Error;
  const strSlice = String.prototype.slice;
  const strSplit = String.prototype.split;
  const strCharCodeAt = String.prototype.charCodeAt;

  delete G.WebAssembly;
  delete G.FinalizationRegistry;
  if (G.Atomics) delete G.Atomics.waitAsync;

  function cap(s, n) {
    return s.length > n ? apply(strSlice, s, [0, n]) : s;
  }

  // sfc32 seeded from the test: Math.random is deterministic per test. Warmed up on first use,
  // so tests that never call it do not pay for it.
  function seededRandom(seed) {
    let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed | 0, warm = false;
    function next() {
      a |= 0; b |= 0; c |= 0; d |= 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    }
    return function random() {
      if (!warm) {
        warm = true;
        for (let i = 0; i < 12; i++) next();
      }
      return next();
    };
  }

  // Records leave the isolate as one string of length-prefixed fields: cheaper to copy than an
  // object, and built only from primitives (string concatenation has no hooks to hijack).
  function field(v) {
    const s = '' + v;
    return s.length + ':' + s;
  }
  function encode(r) {
    if (r === null) return null;
    return field(r.kind) + field(r.overflow ? 1 : 0) + field(r.size) + field(r.type) + field(r.phase) +
      field(r.name) + field(r.message) + field(r.stack) + field(r.out) + field(r.json);
  }

  function define(obj, key, value) {
    defineProperty(obj, key, { value: value, writable: true, configurable: true, enumerable: false });
  }

  // Set by setup for the calls that follow 'run'.
  let collect = null;
  let peek = null;

  // The settings arrive as separate primitive arguments (copied in by the host): no object is
  // built or parsed for them, and no property of one is ever looked up after candidate code ran.
  function setup(code, mode, entryName, argsJson, inputArg, seed, outputCap, resultCap) {
    const input = typeof inputArg === 'string' ? inputArg : '';
    let out = '';
    let overflow = false;
    let failure = null;
    let settled = null;

    function show(v) {
      if (typeof v === 'string') return v;
      if (typeof v === 'function') return '[Function]';
      if (v === null || typeof v !== 'object') return StringCtor(v);
      try {
        const j = stringify(v);
        if (typeof j === 'string') return j;
      } catch (e) {}
      try { return StringCtor(v); } catch (e) { return '[object]'; }
    }
    function format(args) {
      let s = '';
      for (let i = 0; i < args.length; i++) s += (i ? ' ' : '') + show(args[i]);
      return s;
    }
    function write(s) {
      if (overflow) throw new ErrorCtor('output limit exceeded');
      if (out.length + s.length > outputCap) {
        out += cap(s, outputCap - out.length);
        overflow = true;
        throw new ErrorCtor('output limit exceeded');
      }
      out += s;
    }
    function log(...args) { write(format(args) + '\n'); }
    function ignore() {}
    const consoleObj = {};
    define(consoleObj, 'log', log);
    define(consoleObj, 'info', log);
    define(consoleObj, 'debug', log);
    define(consoleObj, 'warn', ignore);
    define(consoleObj, 'error', ignore);
    define(consoleObj, 'trace', ignore);
    define(G, 'console', consoleObj);
    define(G, 'print', function print(...args) { write(format(args) + '\n'); });

    const lines = apply(strSplit, input, ['\n']);
    let lineCount = lines.length;
    if (lineCount && lines[lineCount - 1] === '') lineCount--;
    let next = 0;
    define(G, 'input', input);
    define(G, 'readline', function readline() {
      if (next >= lineCount) return undefined;
      const l = lines[next++];
      return l.length && apply(strCharCodeAt, l, [l.length - 1]) === 13 ? apply(strSlice, l, [0, -1]) : l;
    });

    const moduleObj = { exports: {} };
    define(G, 'module', moduleObj);
    define(G, 'exports', moduleObj.exports);
    define(Math, 'random', seededRandom(seed));

    // Only null-prototype objects and explicit assignments from here on: no for-of, spread or
    // inherited lookups, which candidate code could hijack through polluted prototypes.
    function describe(e, phase) {
      const d = { __proto__: null, phase: phase, name: '', message: '', stack: '' };
      try {
        if ((typeof e === 'object' && e !== null) || typeof e === 'function') {
          const n = e.name, m = e.message, st = e.stack;
          if (typeof n === 'string') d.name = cap(n, 200);
          if (typeof m === 'string') d.message = cap(m, 2000);
          if (typeof st === 'string') d.stack = cap(st, 4000);
          if (!d.name && !d.message) d.message = cap(show(e), 2000);
        } else {
          d.message = cap(show(e), 2000);
        }
      } catch (e2) {
        if (!d.message) d.message = 'an exception that could not be described';
      }
      return d;
    }
    function record(kind) {
      return { __proto__: null, kind: kind, out: out, overflow: overflow, json: '', type: '', size: 0, phase: '', name: '', message: '', stack: '' };
    }
    function errorRecord(d) {
      const r = record('error');
      r.phase = d.phase; r.name = d.name; r.message = d.message; r.stack = d.stack;
      return r;
    }
    function settle(value) {
      let json;
      try {
        json = stringify(value);
      } catch (e) {
        settled = errorRecord(describe(e, 'serialize'));
        return;
      }
      if (typeof json !== 'string') {
        settled = record('nonjson');
        settled.type = typeof value;
      } else if (json.length > resultCap) {
        settled = record('toolarge');
        settled.size = json.length;
      } else {
        settled = record('value');
        settled.json = json;
      }
    }
    const sourceUrl = '\n//# sourceURL=solution.js';

    /** The record when the answer is known now; null when it awaits a promise (collect later). */
    function runFunction() {
      let entry;
      try {
        // The trailer's value is the eval's completion value: the entry point whatever
        // declared it (function, var, let, const), without making it a global.
        entry = indirectEval(code + '\n;(typeof ' + entryName + " === 'undefined' ? undefined : " + entryName + ')' + sourceUrl);
        if (typeof entry !== 'function') {
          const ex = moduleObj.exports;
          if (ex !== null && (typeof ex === 'object' || typeof ex === 'function')) {
            entry = ex[entryName];
            if (typeof entry !== 'function') entry = ex.default;
            if (typeof entry !== 'function' && typeof ex === 'function') entry = ex;
          }
        }
      } catch (e) {
        return errorRecord(describe(e, 'load'));
      }
      if (typeof entry !== 'function') return record('noentry');
      let value, thenable;
      try {
        value = apply(entry, undefined, parse(argsJson));
        thenable = value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
      } catch (e) {
        return errorRecord(describe(e, 'call'));
      }
      if (!thenable) {
        settle(value);
        return settled;
      }
      // await uses the engine's own promise machinery: no lookup of a possibly replaced
      // Promise.prototype.then or species on a native promise. The microtasks run before the
      // host's call returns, under the same timeout.
      (async function () {
        let v;
        try {
          v = await value;
        } catch (e) {
          failure = describe(e, 'call');
          return;
        }
        settle(v);
      })();
      return null;
    }

    function runStdio() {
      try {
        indirectEval(code + sourceUrl);
      } catch (e) {
        failure = describe(e, 'load');
      }
    }

    collect = function () {
      if (failure) return errorRecord(failure);
      if (mode === 'function') return settled || record('pending');
      return record('done');
    };
    peek = function () { return record('peek'); };
    return mode === 'function' ? runFunction : function () { runStdio(); return null; };
  }

  return function finish(action, code, mode, entry, args, input, seed, outputCap, resultCap) {
    if (action === 'run') return encode(setup(code, mode, entry, args, input, seed, outputCap, resultCap)());
    if (action === 'collect') return encode(collect());
    return encode(peek());
  };
})()`;
