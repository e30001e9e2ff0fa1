import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { privateDir } from './compile-cache';

/*
 * What a worker and its sandbox children keep on disk for the processes after them:
 * - Pyodide's memory snapshot (python-runner.ts). Making it costs a new child's first Python
 *   submission ~3 s of CPU (its first interpreter: 4.7 s of wall time without the stored
 *   snapshot, 1.6 s with it, measured on these machines); reading it, ~10 ms. (V8's code cache of
 *   Pyodide's scripts was tried here too and dropped: right after compilation it holds only the
 *   eagerly compiled functions, 11 and 21 KB, and saved nothing measurable.)
 * - Each problem's generated tests (materialize.ts): the generator's data and the reference's
 *   answers, 0.7 s of a new child's time for the two problems of `npm run chaos` on a quiet
 *   machine, 2.5-3.2 s each at load; reading them, 0.08 s.
 * A worker that dies (or is killed 100 times in `npm run chaos`) starts children that would
 * otherwise make both again.
 *
 * The snapshot becomes the state of every interpreter that judges a candidate's code, and the
 * generated tests decide verdicts, so the cache reads only what this user could have written,
 * whole and unchanged:
 * - the folder is created 0700 and used only when it is owned by this user and writable by no
 *   one else, and is not a symbolic link (a shared /tmp cannot hand us a folder another user
 *   prepared);
 * - each entry is written to a temporary file and renamed into place (a reader never sees half a
 *   file), and starts with the SHA-256 of the rest, checked on every read (a damaged entry is
 *   removed and made again);
 * - an entry's name is a hash of everything that shaped it (engine version, the harness, V8), so
 *   an upgrade never reads an older entry.
 * Any failure (no such folder, read-only disk, full disk) means "not cached": the child makes
 * what it needs as if there were no cache. Candidate code never reaches this module: it runs in
 * isolates with no file system.
 */

const DIGEST_BYTES = 32;

/** How the pool tells a child its cache folder (empty: none). */
export const CACHE_DIR_ENV = 'SANDBOX_CACHE_DIR';

function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** A name for an entry from everything that shaped its contents. */
export function cacheKey(prefix: string, ...parts: string[]): string {
  return `${prefix}-${sha256(parts.join('\0')).toString('hex').slice(0, 32)}`;
}

export class DiskCache {
  private usable: boolean | null = null;

  constructor(readonly dir: string) {}

  /** The entry's bytes, or null when there is none or it is damaged (then it is removed). */
  read(name: string): Buffer | null {
    if (!this.ready()) return null;
    const file = path.join(this.dir, name);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return null;
    }
    const body = data.subarray(DIGEST_BYTES);
    if (data.length > DIGEST_BYTES && sha256(body).equals(data.subarray(0, DIGEST_BYTES))) return body;
    this.remove(name);
    return null;
  }

  /** Stores the entry (atomically); false when it could not. */
  write(name: string, bytes: Uint8Array): boolean {
    if (!this.ready()) return false;
    const file = path.join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeSync(fd, sha256(bytes));
        fs.writeSync(fd, bytes);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
      return true;
    } catch {
      fs.rmSync(tmp, { force: true });
      return false;
    }
  }

  remove(name: string): void {
    try {
      fs.rmSync(path.join(this.dir, name), { force: true });
    } catch {
      // nothing to remove
    }
  }

  /** Creates the folder (0700) once; usable only when it is ours and no one else can write to it. */
  private ready(): boolean {
    this.usable ??= privateDir(this.dir);
    return this.usable;
  }
}

let shared: DiskCache | null | undefined;

/** This process's cache: the folder the pool named in the environment, if any. */
export function sharedCache(): DiskCache | null {
  if (shared === undefined) {
    const dir = process.env[CACHE_DIR_ENV];
    shared = dir ? new DiskCache(dir) : null;
  }
  return shared;
}

/** Replaces this process's cache (tests of the runners, which run without a pool). */
export function useSharedCache(cache: DiskCache | null): void {
  shared = cache;
}
