import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseConfig } from '@app/config';

/** Server the integration tests use; CI sets TEST_DB_PREFIX so concurrent runs never collide. */
export const adminUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every database of this family of runs starts with the base; each Jest run adds its own id. */
export const basePrefix = (): string => (process.env.TEST_DB_PREFIX ?? 'hp_test').replace(/[^a-z0-9_]/g, '_');
const prefix = (): string => `${basePrefix()}_${(process.env.TEST_DB_RUN ?? 'local').replace(/[^a-z0-9]/g, '')}`;
export const runPrefix = prefix;
export const templateName = (): string => `${prefix()}_template`;

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A PostgreSQL database for one test file: cloned from the migrated template by default,
 * or empty (no migrations) for the migration tests.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${prefix()}_${randomBytes(5).toString('hex')}`;
  await adminQuery(opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
  return {
    name,
    config: { type: 'postgres', url: databaseUrl(name), logging: false },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
