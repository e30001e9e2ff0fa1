import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { DatabaseConfig } from '@app/config';
import { loadMigrations, runMigrations } from './data-source';

/*
 * Backups of the platform's database, taken while it runs, and their restore.
 *
 * SQLite: SQLite's online backup (better-sqlite3's `backup`) copies every page in ONE step, that
 * is inside one read transaction. Under WAL a reader never blocks the API's or the worker's
 * writes, and sees the database as of its start: the copy is consistent and holds every
 * transaction committed before it began. (Copying in several steps would restart whenever
 * another connection writes between two steps: under steady writes, forever.)
 *
 * PostgreSQL: pg_dump (one REPEATABLE READ snapshot, custom format) and pg_restore.
 *
 * A restore checks the file first (SQLite's integrity check / pg_restore's own listing), refuses
 * a backup that a newer build migrated (its migrations are unknown here), refuses while the
 * platform has the target open unless forced, then applies the migrations the backup lacks.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `platform-20261130T153000Z.sqlite`: sorts by time, no characters a shell or a file system minds. */
export function backupFileName(base: string, ext: string, at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${base}-${stamp}${ext}`;
}

/** The default target of `npm run backup`: data/backups/ beside the SQLite file, or under cwd for PostgreSQL. */
export function defaultBackupPath(db: DatabaseConfig, cwd = process.cwd(), at = new Date()): string {
  if (db.type === 'sqlite') {
    return path.join(path.dirname(db.file), 'backups', backupFileName(path.basename(db.file, path.extname(db.file)), '.sqlite', at));
  }
  const name = decodeURIComponent(new URL(db.url).pathname.replace(/^\//, '')) || 'postgres';
  return path.join(cwd, 'data', 'backups', backupFileName(name, '.dump', at));
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows of the submissions table in the backup (SQLite only: read back from the copy). */
  submissions?: number;
}

/** Online backup of a SQLite database file, consistent while other processes write it. */
export async function backupSqlite(source: string, out: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (fs.existsSync(out)) throw new BackupError(`${out} exists; choose another --out`);
  const tmp = `${out}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    // Every remaining page in the next step: one read transaction, one snapshot.
    await db.backup(tmp, { progress: () => 0x7fffffff });
    // The copy carries the source's WAL flag; a backup is one self-contained file (the platform
    // turns WAL back on when it opens a restored database).
    const copy = new Database(tmp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }
  const check = checkSqliteFile(tmp);
  if (!check.ok) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`the copy failed its integrity check: ${check.problems.join('; ')}`);
  }
  fs.renameSync(tmp, out);
  return { file: out, bytes: fs.statSync(out).size, submissions: check.submissions };
}

export interface SqliteCheck {
  ok: boolean;
  problems: string[];
  migrations: string[];
  submissions?: number;
}

/** SQLite's integrity check and the migrations recorded in a database file, read-only. */
export function checkSqliteFile(file: string): SqliteCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, problems: [`cannot open ${file}: ${(e as Error).message}`], migrations: [] };
  }
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name));
    if (!tables.has('migrations')) problems.push('no migrations table: not a platform database');
    const migrations = tables.has('migrations')
      ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)
      : [];
    const submissions = tables.has('submissions') ? (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n : undefined;
    return { ok: problems.length === 0, problems, migrations, submissions };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message], migrations: [] };
  } finally {
    db.close();
  }
}

/** Migrations a backup recorded that this build does not know: a newer build took it. */
export function unknownMigrations(recorded: readonly string[], dialect: 'sqlite' | 'postgres'): string[] {
  const known = new Set(loadMigrations(dialect).map((m) => m.name));
  return recorded.filter((n) => !known.has(n));
}

export interface RestoreOptions {
  /** Restore even though the target looks in use (after a crash left its -wal file, say). */
  force?: boolean;
}

export interface RestoreResult {
  target: string;
  /** Migrations applied after the restore: the backup was older than this build. */
  migrated: string[];
  submissions?: number;
}

/**
 * Replaces the SQLite database file with a backup. Refuses while a process has the target open:
 * in WAL mode SQLite keeps `<file>-wal` beside the database while any connection is open and
 * removes it when the last one closes cleanly (a crash leaves it: then --force).
 */
export async function restoreSqlite(backup: string, target: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const check = checkSqliteFile(backup);
  if (!check.ok) throw new BackupError(`${backup} is not a usable backup: ${check.problems.join('; ')}`);
  const unknown = unknownMigrations(check.migrations, 'sqlite');
  if (unknown.length) throw new BackupError(`${backup} was migrated by a newer build (unknown migrations: ${unknown.join(', ')}); restore it with that build`);
  const wal = `${target}-wal`;
  if (fs.existsSync(wal) && !opts.force) {
    throw new BackupError(
      `${target} is in use (${path.basename(wal)} exists: the API or the worker has it open, or one crashed). Stop them and retry; --force restores anyway (only when nothing runs)`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(backup, tmp);
  fs.rmSync(`${tmp}-journal`, { force: true });
  // The old database's WAL must not be replayed over the restored file.
  for (const f of [wal, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, target);
  const migrated = await runMigrations({ type: 'sqlite', file: target, logging: false });
  const after = checkSqliteFile(target);
  if (!after.ok) throw new BackupError(`restored ${target} failed its integrity check: ${after.problems.join('; ')}`);
  return { target, migrated, submissions: after.submissions };
}

// ---------------------------------------------------------------- PostgreSQL

/** pg_dump's arguments: custom format (compressed, selective, restored with pg_restore), no owners or grants. */
export function pgDumpArgs(db: Extract<DatabaseConfig, { type: 'postgres' }>, out: string): string[] {
  return ['--format=custom', '--no-owner', '--no-privileges', ...(db.schema ? [`--schema=${db.schema}`] : []), `--file=${out}`, `--dbname=${db.url}`];
}

/** pg_restore's arguments: replace what exists, all or nothing, stop at the first error. */
export function pgRestoreArgs(db: Extract<DatabaseConfig, { type: 'postgres' }>, file: string): string[] {
  return ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${db.url}`, file];
}

/** The command line with the password hidden, to print. */
export function shellLine(cmd: string, args: readonly string[]): string {
  return [cmd, ...args.map((a) => a.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new BackupError(`${cmd}: ${(r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed (Debian: apt-get install postgresql-client)' : r.error.message}`);
  if (r.status !== 0) throw new BackupError(`${cmd} exited ${r.status}: ${r.stderr.trim()}`);
}

export async function backupPostgres(db: Extract<DatabaseConfig, { type: 'postgres' }>, out: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (fs.existsSync(out)) throw new BackupError(`${out} exists; choose another --out`);
  const tmp = `${out}.partial-${process.pid}`;
  try {
    run('pg_dump', pgDumpArgs(db, tmp));
    // Reads the archive's table of contents: a truncated or foreign file fails here.
    run('pg_restore', ['--list', tmp]);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, out);
  return { file: out, bytes: fs.statSync(out).size };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * The migrations a pg_dump archive recorded, read from the archive itself (pg_restore prints the
 * table's COPY data): checked before anything in the target is touched.
 */
export function pgBackupMigrations(file: string): string[] {
  const r = spawnSync('pg_restore', ['--data-only', '--table=migrations', '--file=-', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new BackupError(`${file} is not a readable pg_dump archive: ${r.error?.message ?? r.stderr.trim()}`);
  const lines = r.stdout.split('\n');
  const start = lines.findIndex((l) => /^COPY \S*migrations \(/.test(l));
  if (start < 0) throw new BackupError(`${file} has no migrations table: not a platform backup`);
  const names: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l === '\\.') break;
    names.push(l.split('\t').at(-1) as string);
  }
  return names;
}

/** Restores a pg_dump archive over the target database, then applies the migrations it lacks. */
export async function restorePostgres(db: Extract<DatabaseConfig, { type: 'postgres' }>, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  const recorded = pgBackupMigrations(file);
  const unknown = unknownMigrations(recorded, 'postgres');
  if (unknown.length) throw new BackupError(`${file} was migrated by a newer build (unknown migrations: ${unknown.join(', ')}); restore it with that build`);
  const others = await withClient(db.url, async (c) =>
    Number((await c.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n),
  );
  if (others > 0 && !opts.force) {
    throw new BackupError(`the target database has ${others} other connection(s) (the API or the worker?): stop them and retry; --force restores anyway`);
  }
  run('pg_restore', pgRestoreArgs(db, file));
  const migrated = await runMigrations(db);
  const submissions = await withClient(db.url, async (c) =>
    Number((await c.query(`SELECT count(*) AS n FROM ${db.schema ? `"${db.schema}".submissions` : 'submissions'}`)).rows[0].n),
  );
  return { target: db.url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'), migrated, submissions };
}
