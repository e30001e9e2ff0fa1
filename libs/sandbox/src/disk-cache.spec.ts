import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheKey, DiskCache } from './disk-cache';
import { Judge } from './judge';
import { loadProblem } from './problem.schema';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'disk-cache-'));

describe('DiskCache', () => {
  it('returns what was written, from a 0700 folder it created, leaving no temporary file', () => {
    const dir = path.join(tmp(), 'cache');
    const cache = new DiskCache(dir);
    expect(cache.read('a')).toBeNull();
    expect(cache.write('a', Buffer.from('hello'))).toBe(true);
    expect(cache.read('a')?.toString()).toBe('hello');
    expect(new DiskCache(dir).read('a')?.toString()).toBe('hello');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['a']);
  });

  it('drops a damaged entry instead of returning it', () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o700);
    const cache = new DiskCache(dir);
    cache.write('a', Buffer.from('hello world'));
    const file = path.join(dir, 'a');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    fs.writeFileSync(file, bytes);
    expect(cache.read('a')).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(file, 'short');
    expect(cache.read('a')).toBeNull();
  });

  it('refuses a folder that others can write to (a shared temporary folder)', () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o777);
    const cache = new DiskCache(dir);
    expect(cache.write('a', Buffer.from('x'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    const digest = createHash('sha256').update('x').digest();
    fs.writeFileSync(path.join(dir, 'a'), Buffer.concat([digest, Buffer.from('x')]));
    expect(cache.read('a')).toBeNull();
  });

  it('refuses a folder that is a symbolic link (to a folder someone else chose)', () => {
    const root = tmp();
    const real = path.join(root, 'real');
    fs.mkdirSync(real, { mode: 0o700 });
    fs.symlinkSync(real, path.join(root, 'link'));
    const cache = new DiskCache(path.join(root, 'link'));
    expect(cache.write('a', Buffer.from('x'))).toBe(false);
    expect(fs.readdirSync(real)).toEqual([]);
  });

  it('is not a cache when its folder cannot be made', () => {
    const file = path.join(tmp(), 'file');
    fs.writeFileSync(file, '');
    const cache = new DiskCache(path.join(file, 'cache'));
    expect(cache.write('a', Buffer.from('x'))).toBe(false);
    expect(cache.read('a')).toBeNull();
  });

  it('names entries by everything that shaped them', () => {
    expect(cacheKey('p', 'a', 'b')).toBe(cacheKey('p', 'a', 'b'));
    expect(cacheKey('p', 'a', 'b')).not.toBe(cacheKey('p', 'a', 'c'));
    expect(cacheKey('p', 'ab', '')).not.toBe(cacheKey('p', 'a', 'b'));
    expect(cacheKey('p', 'a')).toMatch(/^p-[0-9a-f]{32}$/);
  });
});

describe("Pyodide's memory snapshot on disk", () => {
  const problem = loadProblem({
    slug: 'cache-py-sum',
    title: 'Sum',
    mode: 'function',
    entryPoint: 'solve',
    limits: { timeMs: 2000, memoryMb: 32, outputKb: 4, resultKb: 16 },
    tests: [{ name: 'sum', args: [2, 3], expected: 5, hidden: false }],
  });
  const source = 'def solve(a, b):\n    return a + b\n';

  async function judgeOnce(cacheDir: string): Promise<string[]> {
    const judge = new Judge({ size: 1, cacheDir });
    try {
      const r = await judge.judge({ problem, language: 'python', source });
      return r.tests.map((t) => `${t.status} ${JSON.stringify(t.actual)}`);
    } finally {
      await judge.close();
    }
  }

  const snapshots = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.startsWith('pyodide-'));

  it('is made by the first child, read by the next, and made again when the stored one does not load', async () => {
    const dir = path.join(tmp(), 'cache');
    expect(await judgeOnce(dir)).toEqual(['ACCEPTED 5']);
    const [name] = snapshots(dir);
    expect(name).toMatch(/^pyodide-/);
    const file = path.join(dir, name);
    const made = fs.readFileSync(file);
    expect(made.length).toBeGreaterThan(1024 * 1024);

    // A new pool's child reads it: the entry is left as it was (a new one would be a new file).
    const before = fs.statSync(file).ino;
    expect(await judgeOnce(dir)).toEqual(['ACCEPTED 5']);
    expect(fs.statSync(file).ino).toBe(before);

    // An entry that passes its digest but is not a snapshot: the child makes one and judges.
    const junk = Buffer.from('not a snapshot');
    fs.writeFileSync(file, Buffer.concat([createHash('sha256').update(junk).digest(), junk]));
    expect(await judgeOnce(dir)).toEqual(['ACCEPTED 5']);
    expect(fs.readFileSync(file).length).toBe(made.length);
  }, 180_000);
});
