import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { register } from 'tsconfig-paths';
import { basePrefix, sqliteRunDir, sqliteTemplateFile } from './database';

// Jest's moduleNameMapper does not apply to globalSetup: resolve the @app/* aliases here.
const root = path.resolve(__dirname, '../../..');
register({ baseUrl: root, paths: require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths });

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

/**
 * Once per Jest run, for the projects that run on SQLite (what `npm start` uses): migrate a
 * template file with the SQLite migration set. Each test file then copies it, which takes
 * milliseconds, so files never share state. Needs no PostgreSQL.
 */
export default async function globalSetupSqlite(): Promise<void> {
  process.env.TZ = 'UTC';
  // One id per Jest run, shared with the PostgreSQL setup when both run.
  process.env.TEST_DB_RUN ??= randomBytes(4).toString('hex');
  if (process.env.HP_TEST_SQLITE_TEMPLATE_READY) return;
  // Leftovers of killed runs: run directories of this family untouched for two hours.
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith(`${basePrefix()}_`)) continue;
    const dir = path.join(tmp, entry);
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat?.isDirectory() && Date.now() - stat.mtimeMs > TWO_HOURS_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.rmSync(sqliteRunDir(), { recursive: true, force: true });
  fs.mkdirSync(sqliteRunDir(), { recursive: true });
  const { runMigrations } = require('@app/migrations') as typeof import('@app/migrations');
  // Closing the last connection checkpoints the WAL into the file, so a plain copy is complete.
  await runMigrations({ type: 'sqlite', file: sqliteTemplateFile(), logging: false });
  process.env.HP_TEST_SQLITE_TEMPLATE_READY = '1';
}
