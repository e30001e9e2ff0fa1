import * as fs from 'node:fs';
import { Client } from 'pg';
import { adminUrl, runPrefix, sqliteRunDir } from './database';

/** Removes this run's databases (the templates and any a failed test file left behind). */
export default async function globalTeardown(): Promise<void> {
  if (!process.env.TEST_DB_RUN) return;
  fs.rmSync(sqliteRunDir(), { recursive: true, force: true });
  // Only a run whose PostgreSQL setup ran has PostgreSQL databases (a SQLite-only run needs no server).
  if (!process.env.HP_TEST_TEMPLATE_READY) return;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runPrefix()}\\_%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
