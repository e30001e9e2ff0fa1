/**
 * Node's compile cache in the judge's cache folder: only in a folder that is ours alone, and a
 * process started after one that saved it compiles its modules from it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { enableCompileCache, privateDir } from './compile-cache';

describe('compile cache', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('uses only a folder of ours that no one else may write to, created 0700', () => {
    const fresh = path.join(tmp, 'fresh');
    expect(privateDir(fresh)).toBe(true);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    const open = path.join(tmp, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    expect(privateDir(open)).toBe(false);
    const link = path.join(tmp, 'link');
    fs.symlinkSync(fresh, link);
    expect(privateDir(link)).toBe(false);
    // Off: nothing is enabled in this (Jest's) process.
    expect([enableCompileCache(undefined), enableCompileCache(''), enableCompileCache('off'), enableCompileCache(open)]).toEqual([false, false, false, false]);
  });

  it('a process started after one that saved the cache compiles its modules from it', () => {
    const mod = path.join(tmp, 'mod.js');
    fs.writeFileSync(mod, 'module.exports = function add(a, b) { return a + b; };\n');
    const cacheDir = path.join(tmp, 'judge-cache');
    const script = `
      require(${JSON.stringify(require.resolve('sucrase/register/ts'))});
      const cc = require(${JSON.stringify(path.join(__dirname, 'compile-cache.ts'))});
      if (!cc.enableCompileCache(${JSON.stringify(cacheDir)})) throw new Error('not enabled');
      if (require(${JSON.stringify(mod)})(2, 3) !== 5) throw new Error('wrong module');
      cc.saveCompileCache();`;
    const run = () => {
      const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return r.stderr.split('\n').filter((l) => l.includes(mod));
    };
    const first = run();
    expect(first.join('\n')).toMatch(/writing cache for CommonJS .*mod\.js.*success/);
    expect(fs.readdirSync(path.join(cacheDir, 'node-compile')).length).toBe(1);
    const second = run();
    expect(second.join('\n')).toMatch(/V8 code cache for CommonJS .*mod\.js was accepted/);
  });
});
