/**
 * `npm run restore -- FILE [--force]`: replaces the platform's database (DATABASE_URL) with a
 * backup made by `npm run backup`, after checking it (integrity, migrations known to this
 * build), then applies the migrations it lacks. Refuses while the API or the worker has the
 * database open (SQLite: its -wal file exists; PostgreSQL: other connections) unless --force.
 * `--print` (PostgreSQL) only prints the pg_restore command.
 */
process.env.TZ = 'UTC';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { die, loadConfigOrDie } from '@app/core';
import { pgRestoreArgs, restorePostgres, restoreSqlite, shellLine } from '@app/migrations';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, print: { type: 'boolean' } } });
  if (positionals.length !== 1) die('usage: npm run restore -- FILE [--force]');
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) die(`restore: no file at ${file}`);
  const config = loadConfigOrDie();
  const db = config.database;
  if (db.type === 'postgres' && values.print) {
    console.log(shellLine('pg_restore', pgRestoreArgs(db, file)));
    return;
  }
  const r = db.type === 'sqlite' ? await restoreSqlite(file, db.file, { force: values.force }) : await restorePostgres(db, file, { force: values.force });
  const migrated = r.migrated.length ? `, then applied ${r.migrated.length} migration(s): ${r.migrated.join(', ')}` : '';
  console.log(`restore: ${path.basename(file)} -> ${r.target} (${r.submissions ?? '?'} submissions)${migrated}`);
}

main().catch((e: unknown) => die(`restore failed: ${(e as Error).message}`));
