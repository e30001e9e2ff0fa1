/**
 * Python in the isolate: Pyodide (CPython in WebAssembly) loaded from its npm package.
 *
 * PY_PRELUDE runs before Pyodide's scripts: it gives Emscripten's "shell" environment what it
 * reads (`read`/`readbuffer` over the files the host copied in, `load`, `print`, an `os.system`
 * stand-in that Emscripten uses only to fill /dev/urandom, deterministic here), and timers as
 * microtasks. Nothing of it reaches the host: the isolate has no require, no network, no files.
 *
 * PY_HARNESS runs after them; its completion value is `api(cmd, ...)`, the one function the
 * host holds. It keeps Pyodide, the shims' control object and the Python runner in its closure
 * and deletes the loader's globals, so `import js` finds only ordinary globals.
 * Calls into Python go through plain arrows: isolated-vm's Reference.apply on a Pyodide proxy
 * aborted the host process.
 */
export const PY_PRELUDE = String.raw`(function () {
  const G = globalThis;
  const files = G.__pyFiles;
  G.__mainWasm = files.m;
  G.read = function read(p) {
    if (String(p).endsWith('pyodide-lock.json')) return files.lock;
    throw new Error('no such file: ' + p);
  };
  G.readbuffer = function readbuffer(p) {
    if (String(p).endsWith('pyodide.asm.wasm')) return new ArrayBuffer(0);
    if (String(p).endsWith('python_stdlib.zip')) return files.stdlib.buffer;
    throw new Error('no such file: ' + p);
  };
  G.load = function load(p) {
    throw new Error('no such script: ' + p);
  };
  const noop = function () {};
  G.print = noop;
  G.printErr = noop;
  G.console = { log: noop, warn: noop, error: noop, info: noop, debug: noop };
  G.setTimeout = function (f) { Promise.resolve().then(f); return 0; };
  G.clearTimeout = noop;
  // xorshift bytes as base64, the format Emscripten's d8 path expects from "head -c N /dev/urandom | base64".
  let rs = 0x2545f491;
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  G.os = {
    system: function (cmd, args) {
      const m = /head -c([0-9]+)/.exec(String(args && args[1]));
      const n = m ? Math.min(+m[1], 1 << 20) : 0;
      const b = [];
      for (let i = 0; i < n; i++) { rs ^= rs << 13; rs ^= rs >>> 17; rs ^= rs << 5; b.push(rs & 255); }
      let out = '';
      for (let i = 0; i < b.length; i += 3) {
        const x = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
        out += B64[(x >> 18) & 63] + B64[(x >> 12) & 63] + (i + 1 < b.length ? B64[(x >> 6) & 63] : '=') + (i + 2 < b.length ? B64[x & 63] : '=');
      }
      return out;
    },
  };
})();`;

export const PY_HARNESS = String.raw`(function () {
  'use strict';
  const G = globalThis;
  const files = G.__pyFiles;
  const parse = JSON.parse;
  let py = null;
  let failure = '';
  let ctl = null;
  let runner = null;
  let overflowed = false;
  // Python tells this closure when output passes its cap, so a flood that then runs out of
  // time (the interpreter cannot answer after termination) is still OUTPUT_LIMIT_EXCEEDED.
  const flagOverflow = function () { overflowed = true; };

  function init(c, snapshot) {
    ctl = c;
    const opts = {
      indexURL: '/pyodide/',
      createPyodideModule: G.__createPyodideModule,
      lockFileContents: parse(files.lock),
      stdLibURL: '/pyodide/python_stdlib.zip',
      env: { PYTHONHASHSEED: '0', HOME: '/home/pyodide' },
      stdout: function () {},
      stderr: function () {},
      checkAPIVersion: true,
    };
    if (snapshot) opts._loadSnapshot = snapshot;
    else opts._makeSnapshot = true;
    G.loadPyodide(opts).then(function (p) { py = p; }, function (e) { failure = String((e && e.stack) || e); });
  }

  function cleanGlobals() {
    for (const k of ['__pyFiles', '__pySnap', '__mainWasm', '__createPyodideModule', 'loadPyodide', 'read', 'readbuffer', 'load', '_createPyodideModule']) {
      // Scripts' top-level vars cannot be deleted: emptied instead.
      try { delete G[k]; } catch (err) { /* below */ }
      if (k in G) G[k] = undefined;
    }
  }

  return function api(cmd, a, b, c, d) {
    if (cmd === 'init') return init(a, b);
    if (cmd === 'ready') return py ? '' : failure || 'pyodide did not load';
    if (cmd === 'snapshot') return py.makeMemorySnapshot();
    if (cmd === 'setup') {
      // a: the runner's Python source; its last expression is the runner.
      const r = py.runPython(a)(flagOverflow);
      runner = function (x1, x2, x3, x4) { return r(x1, x2, x3, x4); };
      try { py.unregisterJsModule('pyodide_js'); } catch (err) { /* not registered */ }
      cleanGlobals();
      return '';
    }
    if (cmd === 'used') return ctl.used();
    if (cmd === 'cap') { ctl.setCap(a); return ''; }
    if (cmd === 'capHit') return ctl.capHit();
    if (cmd === 'overflowed') return overflowed;
    if (cmd === 'call') {
      ctl.resetHit();
      overflowed = false;
      try {
        return String(runner(a, b, c, d));
      } catch (err) {
        // Python could not even report: the interpreter is broken (stack overflow, fatal error).
        return '{"kind":"fatal","message":' + JSON.stringify(String((err && err.message) || err).slice(0, 500)) + '}';
      }
    }
    throw new Error('unknown command');
  };
})()`;

/**
 * The Python side of the runner, executed once per interpreter before the memory cap is set.
 * Its last expression is `_make_runner(flag_overflow)`, which returns `run(cmd, ...)`:
 * - `run('compile', source)`: '' or a JSON compile error `{message, line, column}`.
 * - `run('test', configJson, argsJson, stdin)`: a JSON record of the test.
 * Between tests it resets what the candidate could change: modules (sys.modules and every
 * module's namespace, builtins included), files, the working directory, the recursion limit,
 * tracing; `random` is reseeded per test. The hash seed is fixed by the interpreter's snapshot.
 */
export const PY_RUNNER = String.raw`
def _make_runner(flag_overflow):
    import builtins, io, json, os, random, sys, traceback
    import subprocess, socket

    # Nothing can leave the isolate anyway (no processes, no network there); make it explicit
    # and identical everywhere: these fail or do nothing.
    def _refuse(*args, **kwargs):
        raise OSError(1, 'not available in the sandbox')

    class _Refused:
        def __init__(self, *args, **kwargs):
            raise OSError(1, 'not available in the sandbox')

    os.system = lambda command: -1
    os.popen = _refuse
    subprocess.Popen = _Refused
    socket.socket = _Refused
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    socket.socketpair = _refuse

    def _exit(code=0):
        raise SystemExit(code)

    os._exit = _exit
    for name in ('micropip', 'pyodide_js'):
        sys.modules.pop(name, None)

    HOME = '/home/pyodide'
    dumps = json.dumps
    loads = json.loads
    SKIP_DIRS = ('/dev', '/proc')

    def walk(top='/'):
        out = set()
        for root, dirs, fnames in os.walk(top):
            dirs[:] = [d for d in dirs if os.path.join(root, d) not in SKIP_DIRS]
            for d in dirs:
                out.add(os.path.join(root, d))
            for f in fnames:
                out.add(os.path.join(root, f))
        return out

    # What each directory held after loading. A reset lists only these directories (a new file
    # anywhere is, or is under, a new entry of one of them) instead of walking the file system.
    listings0 = {}
    for p in sorted(walk() | {'/'}):
        if os.path.isdir(p) and not os.path.islink(p):
            listings0[p] = set(os.listdir(p))

    def new_paths():
        out = set()
        for top, names0 in listings0.items():
            if os.path.islink(top):
                # A directory replaced by a link: the link goes, nothing is listed through it.
                out.add(top)
                continue
            try:
                names = os.listdir(top)
            except OSError:
                continue
            for name in names:
                if name in names0:
                    continue
                p = os.path.join(top, name)
                if p in SKIP_DIRS:
                    continue
                out.add(p)
                if os.path.isdir(p) and not os.path.islink(p):
                    out |= walk(p)
        return out

    modules = sys.modules
    modules0 = dict(modules)
    # Every module namespace and a copy of it. Each reset puts every one back wholesale: in C
    # this costs ~0.5 ms for the ~200 modules, a tenth of what comparing them entry by entry in
    # Python cost, and it compares nothing, so no __eq__ the candidate planted ever runs.
    dicts0 = []
    for m in modules0.values():
        d = getattr(m, '__dict__', None)
        if type(d) is dict:
            dicts0.append((d, dict(d)))
    limit0 = sys.getrecursionlimit()
    code = [None]

    def reset(seed):
        # The namespaces first (sys's own included, so sys.modules rebound by the candidate is
        # undone too), then the table of modules, held since setup.
        for d, d0 in dicts0:
            d.clear()
            d.update(d0)
        for name in list(modules):
            if name not in modules0:
                del modules[name]
        for name, m in modules0.items():
            if modules.get(name) is not m:
                modules[name] = m
        sys.setrecursionlimit(limit0)
        sys.settrace(None)
        sys.setprofile(None)
        # Out of any directory about to go (the file system refuses to remove the working one).
        os.chdir('/')
        for p in sorted(new_paths(), reverse=True):
            try:
                if os.path.isdir(p) and not os.path.islink(p):
                    os.rmdir(p)
                else:
                    os.unlink(p)
            except OSError:
                pass
        # After the removals: a home replaced by a link is gone by now, and made again here.
        try:
            os.chdir(HOME)
        except OSError:
            os.makedirs(HOME, exist_ok=True)
            os.chdir(HOME)
        random.seed(seed)

    class OutputLimitExceeded(BaseException):
        pass

    class Out(io.TextIOBase):
        def __init__(self, cap, stops=True):
            self.stops = stops
            self.parts = []
            self.size = 0
            self.cap = cap
            self.overflow = False

        def writable(self):
            return True

        def write(self, s):
            if type(s) is not str:
                raise TypeError('write() argument must be str, not ' + type(s).__name__)
            if self.overflow:
                if self.stops:
                    raise OutputLimitExceeded('output limit exceeded')
                return len(s)
            if self.size + len(s) > self.cap:
                self.parts.append(s[: self.cap - self.size])
                self.size = self.cap
                self.overflow = True
                if self.stops:
                    flag_overflow()
                    raise OutputLimitExceeded('output limit exceeded')
            else:
                self.parts.append(s)
                self.size += len(s)
            return len(s)

        def text(self):
            return ''.join(self.parts)

    class NotJson(Exception):
        pass

    def check(v, depth):
        if depth > 256:
            raise NotJson('nested deeper than 256 levels')
        if v is None or isinstance(v, (bool, str, int)):
            return
        if isinstance(v, float):
            if v != v or v in (float('inf'), float('-inf')):
                raise NotJson(repr(v))
            return
        if isinstance(v, (list, tuple)):
            for x in v:
                check(x, depth + 1)
            return
        if isinstance(v, dict):
            for k, x in v.items():
                if not isinstance(k, str):
                    raise NotJson('dict with a ' + type(k).__name__ + ' key')
                check(x, depth + 1)
            return
        raise NotJson(type(v).__name__)

    def number(s):
        f = float(s)
        return int(f) if f.is_integer() else f

    def line_of(e):
        # walk_tb reads no source lines: cheap even for a RecursionError's thousand frames.
        line = 0
        for frame, lineno in traceback.walk_tb(e.__traceback__):
            if frame.f_code.co_filename == 'solution.py':
                line = lineno or 0
        return line

    def text_of(e):
        try:
            return str(e)
        except BaseException:
            return '(the message could not be printed)'

    def record(kind, out, **fields):
        fields['kind'] = kind
        fields['out'] = out.text()
        fields['overflow'] = out.overflow
        return dumps(fields)

    def compile_source(source):
        try:
            code[0] = compile(source, 'solution.py', 'exec', dont_inherit=True)
            return ''
        except SyntaxError as e:
            return dumps({'message': type(e).__name__ + ': ' + (e.msg or 'invalid syntax'), 'line': e.lineno or 1, 'column': e.offset or 1})
        except (ValueError, MemoryError, RecursionError) as e:
            return dumps({'message': type(e).__name__ + ': ' + text_of(e), 'line': 1, 'column': 1})

    def run_test(mode, entry, args_json, stdin, seed, out_cap, result_cap):
        reset(seed)
        out = Out(out_cap)
        err = Out(out_cap, False)
        sys.stdout = out
        sys.stderr = err
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode('utf-8')), encoding='utf-8')
        ns = {'__name__': '__main__', '__builtins__': builtins, '__file__': 'solution.py'}
        try:
            exec(code[0], ns)
            if mode != 'function':
                return record('done', out)
            fn = ns.get(entry)
            if not callable(fn):
                return record('noentry', out)
            args = loads(args_json, parse_float=number)
            value = fn(*args)
            check(value, 0)
            text = dumps(value, allow_nan=False, separators=(',', ':'))
            if len(text) > result_cap:
                return record('toolarge', out, size=len(text))
            return record('value', out, json=text)
        except SystemExit as e:
            if mode != 'function' and (e.code is None or e.code == 0):
                return record('done', out)
            return record('error', out, name='SystemExit', message='exit status ' + text_of(e.code), line=line_of(e))
        except MemoryError as e:
            return record('memory', out)
        except NotJson as e:
            return record('error', out, name='', message='return value is not JSON: ' + text_of(e), line=0)
        except BaseException as e:
            return record('error', out, name=type(e).__name__, message=text_of(e), line=line_of(e))
        finally:
            sys.stdout = sys.__stdout__
            sys.stderr = sys.__stderr__
            sys.stdin = sys.__stdin__

    def run(cmd, a, b, c):
        if cmd == 'compile':
            return compile_source(a)
        cfg = loads(a)
        return run_test(cfg['mode'], cfg['entry'], b, c, cfg['seed'], cfg['outputCap'], cfg['resultCap'])

    return run

_make_runner
`;
