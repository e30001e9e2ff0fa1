import { Client } from 'pg';
import { adminUrl, runPrefix } from './database';

/** Drops this run's databases (the template and any a failed test file left behind). */
export default async function globalTeardown(): Promise<void> {
  if (!process.env.TEST_DB_RUN) return;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runPrefix()}\\_%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
