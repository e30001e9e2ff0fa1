import * as path from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import { adminUrl, databaseUrl, templateName } from './database';

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
  const tpl = templateName();
  try {
    // Leftovers of earlier runs with this prefix (a killed run cannot clean up after itself).
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${tpl.replace(/_template$/, '')}\\_%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${tpl}"`);
  } finally {
    await admin.end();
  }
    const { runMigrations } = require('@app/migrations') as typeof import('@app/migrations');
  await runMigrations({ type: 'postgres', url: databaseUrl(tpl), logging: false });
}
