import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as path from 'node:path';

/*
 * Node's module compile cache (V8's code cache of the JavaScript modules a process loads), kept in
 * the judge's cache folder (JUDGE_CACHE_DIR) for the processes that start after this one: a
 * worker, its type-check thread and its sandbox children compile the same files at every start,
 * and under `npm run chaos` a worker is SIGKILLed and started again 100 times. Measured here
 * (2026-12-03, CPU, one process each, without / with the cache): the worker's modules 890 / 730
 * ms, TypeScript's compiler in a type-check thread 220 / 110 ms.
 *
 * Only the platform's own modules and its dependencies go through it, never a candidate's code
 * (that runs in isolates, compiled by them). The folder's checks are the disk cache's
 * (disk-cache.ts): ours, no one else may write to it, not a symbolic link; Node checks each entry
 * against its source and its V8 build, and an entry that does not match is compiled afresh.
 * A process killed outright never writes its cache at exit, so each one saves it when it is
 * ready (saveCompileCache).
 */

/** Whether `dir` is a folder this user owns and no one else may write to; created 0700 when missing. */
export function privateDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    return st.isDirectory() && mine && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Turns Node's compile cache on for this process (or thread) in `cacheDir`'s `node-compile`
 * folder. `cacheDir` as JUDGE_CACHE_DIR gives it: unset, empty or `off` is none, a relative path
 * is from the working folder. False when it stays off.
 */
export function enableCompileCache(cacheDir: string | null | undefined): boolean {
  if (!cacheDir || cacheDir === 'off' || typeof nodeModule.enableCompileCache !== 'function') return false;
  const dir = path.resolve(cacheDir);
  if (!privateDir(dir)) return false;
  try {
    const { status } = nodeModule.enableCompileCache(path.join(dir, 'node-compile'));
    const { ENABLED, ALREADY_ENABLED } = nodeModule.constants.compileCacheStatus;
    return status === ENABLED || status === ALREADY_ENABLED;
  } catch {
    return false;
  }
}

/** Writes what this process has compiled so far to the cache (when it is on). */
export function saveCompileCache(): void {
  try {
    nodeModule.flushCompileCache?.();
  } catch {
    // Not cached: the next process compiles for itself.
  }
}
