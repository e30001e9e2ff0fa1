import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist');

export const projectFile = (relative: string): string => path.join(ROOT, relative);

export function requireBuild(): void {
  if (!fs.existsSync(path.join(DIST, 'apps/api/src/main.js'))) {
    throw new Error('End-to-end tests run the built apps: run `npm run build` (npm test does it) first');
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a compiled entry point (relative to dist/) with Node 24 and the given environment. */
export function startNode(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  requireBuild();
  const child = spawn(process.execPath, ['--no-node-snapshot', '--enable-source-maps', path.join(DIST, entry), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
}

function track(child: ChildProcess): RunningProcess {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until fn resolves truthy or the time runs out. */
export async function waitFor<T>(fn: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(async () => (await fetch(url)).ok, timeoutMs, url);
}

/** A private redis-server on its own port, for tests that stop and restart Redis. */
export async function startRedis(port?: number): Promise<{ port: number; url: string; stop(): Promise<void> }> {
  const p = port ?? (await freePort());
  // Its own folder: a server that becomes a replica (or is asked to SAVE) writes dump.rdb there,
  // never in the working directory (the repository's root when the suite runs).
  const dir = tempDir('hp-redis-');
  const child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const proc = track(child);
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(p, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
    10_000,
    `redis-server on port ${p}`,
  );
  return {
    port: p,
    url: `redis://127.0.0.1:${p}`,
    stop: async () => {
      await proc.stop('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'hp-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
