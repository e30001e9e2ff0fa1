/**
 * The processes `npm run chaos` owns and breaks: a private PostgreSQL cluster (initdb + pg_ctl on
 * a spare port), a private redis-server, and the built API and worker. Nothing here touches the
 * shared PostgreSQL or Redis.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

function pgBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))) : [];
  if (!versions.length) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install the Debian postgresql package)');
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(base, versions[0], 'bin');
}

/**
 * util-linux's runuser, which lives in an sbin folder: a plain shell's PATH (/usr/local/bin:/usr/bin:/bin,
 * what CI and `env -i` give) does not hold it, and a run started from one died at initdb.
 */
function runuser(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin'];
  const found = dirs.filter(Boolean).map((d) => path.join(d, 'runuser')).find((f) => fs.existsSync(f));
  if (!found) throw new Error('runuser (util-linux) not found: it runs PostgreSQL as the postgres user when chaos runs as root');
  return found;
}

/** initdb refuses to run as root: run the server binaries as the postgres user then. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [bin, args];
  return [runuser(), ['-u', 'postgres', '--', bin, ...args]];
}

export class PrivatePostgres {
  private readonly bin = pgBinDir();
  readonly dataDir: string;
  readonly logFile: string;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(dir, 'pgdata');
    this.logFile = path.join(dir, 'postgres.log');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/chaos`;
  }

  private run(tool: string, args: string[]): void {
    const [cmd, argv] = asPostgres(path.join(this.bin, tool), args);
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  }

  init(): void {
    fs.mkdirSync(this.dataDir, { recursive: true });
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', this.dir]);
    this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // fsync off: a fast shutdown still checkpoints, and this cluster never outlives the run.
    fs.appendFileSync(
      path.join(this.dataDir, 'postgresql.conf'),
      `\nport = ${this.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${this.dir}'\nmax_connections = 200\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 64MB\n`,
    );
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: sessions are disconnected, open transactions rolled back. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  stopQuietly(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
  }
}

export class PrivateRedis {
  private proc?: ChildProcess;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get dumpFile(): string {
    return path.join(this.dir, 'dump.rdb');
  }

  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.dir, 'redis.log'), 'a');
    // No periodic snapshots: data survives a restart only through SHUTDOWN SAVE (restartKeepingData).
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', log, log],
    });
    await waitFor(`redis-server on ${this.port}`, () => portOpen(this.port), 15_000);
  }

  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  /** SHUTDOWN SAVE: writes its data to dump.rdb, which the next start loads. */
  async shutdownSaving(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    const exited = new Promise((r) => p.once('exit', r));
    execFileSync('redis-cli', ['-p', String(this.port), 'shutdown', 'save'], { stdio: 'ignore' });
    await exited;
  }
}

export interface Managed {
  name: string;
  proc: ChildProcess;
  startedAt: number;
  log: string;
}

/** Starts a compiled entry point of dist/ with the project's Node, its output appended to a log file. */
export function startNode(name: string, entry: string, env: Record<string, string>, logDir: string): Managed {
  const log = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(log, 'a');
  const proc = spawn(process.execPath, ['--no-node-snapshot', '--enable-source-maps', entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...env },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  return { name, proc, startedAt: Date.now(), log };
}

export function alive(m: Managed): boolean {
  return m.proc.exitCode === null && m.proc.signalCode === null;
}

export async function killHard(m: Managed): Promise<void> {
  if (!alive(m)) return;
  const exited = new Promise((r) => m.proc.once('exit', r));
  m.proc.kill('SIGKILL');
  await exited;
}
