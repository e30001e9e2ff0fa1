/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the platform's database, taken while
 * the API and the worker run. SQLite (the default): SQLite's online backup into
 * data/backups/<name>-<UTC time>.sqlite beside the database. PostgreSQL: pg_dump (custom
 * format) into data/backups/<db>-<UTC time>.dump; `--print` only prints the pg_dump command.
 * See migrations/backup.ts and the README's "Backups".
 */
process.env.TZ = 'UTC';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { die, loadConfigOrDie } from '@app/core';
import { backupPostgres, backupSqlite, defaultBackupPath, pgDumpArgs, shellLine } from '@app/migrations';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, print: { type: 'boolean' } } });
  const config = loadConfigOrDie();
  const db = config.database;
  const out = path.resolve(values.out ?? defaultBackupPath(db));
  if (db.type === 'postgres' && values.print) {
    console.log(shellLine('pg_dump', pgDumpArgs(db, out)));
    return;
  }
  const started = Date.now();
  const r = db.type === 'sqlite' ? await backupSqlite(db.file, out) : await backupPostgres(db, out);
  const what = r.submissions === undefined ? '' : `, ${r.submissions} submissions`;
  console.log(`backup: ${r.file} (${(r.bytes / 2 ** 20).toFixed(1)} MB${what}, ${Date.now() - started} ms)`);
}

main().catch((e: unknown) => die(`backup failed: ${(e as Error).message}`));
