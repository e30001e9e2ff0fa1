import * as path from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import { randomBytes } from 'node:crypto';
import { adminUrl, basePrefix, databaseUrl, templateName } from './database';

// Jest's moduleNameMapper does not apply to globalSetup: resolve the @app/* aliases here.
const root = path.resolve(__dirname, '../../..');
register({ baseUrl: root, paths: require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths });

/**
 * Once per Jest run: (re)create the template database and migrate it. Each test file then
 * clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds, so files never share state.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const admin = new Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`Integration tests need PostgreSQL at ${adminUrl()} (${(e as Error).message}). Start it or set TEST_DATABASE_URL.`);
  }
  // One id per Jest run (both projects' setups share it): concurrent runs never touch each other's databases.
  process.env.TEST_DB_RUN ??= randomBytes(4).toString('hex');
  const fresh = !process.env.HP_TEST_TEMPLATE_READY;
  const tpl = templateName();
  try {
    if (!fresh) return;
    // Leftovers of killed runs: databases of this family untouched for two hours.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database
        WHERE datname LIKE $1
          AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '2 hours'`,
      [`${basePrefix()}\\_%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${tpl}"`);
  } finally {
    await admin.end();
  }
  const { runMigrations } = require('@app/migrations') as typeof import('@app/migrations');
  await runMigrations({ type: 'postgres', url: databaseUrl(tpl), logging: false });
  process.env.HP_TEST_TEMPLATE_READY = '1';
}
