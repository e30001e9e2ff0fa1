import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '@app/config';

/**
 * The engine a test file runs on. `npm start` runs on SQLite and a deployment may run on
 * PostgreSQL, so the suites that exercise product queries run once per dialect: the Jest
 * projects `integration-sqlite` and `e2e-sqlite` set TEST_DB_DIALECT=sqlite for their files
 * (libs/testing/src/jest-setup-sqlite.ts); everything else defaults to PostgreSQL.
 */
export type TestDialect = 'postgres' | 'sqlite';

export function testDialect(): TestDialect {
  const d = process.env.TEST_DB_DIALECT ?? 'postgres';
  if (d !== 'postgres' && d !== 'sqlite') throw new Error(`TEST_DB_DIALECT must be postgres or sqlite, not ${d}`);
  return d;
}

/** Server the integration tests use; CI sets TEST_DB_PREFIX so concurrent runs never collide. */
export const adminUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every database of this family of runs starts with the base; each Jest run adds its own id. */
export const basePrefix = (): string => (process.env.TEST_DB_PREFIX ?? 'hp_test').replace(/[^a-z0-9_]/g, '_');
const prefix = (): string => `${basePrefix()}_${(process.env.TEST_DB_RUN ?? 'local').replace(/[^a-z0-9]/g, '')}`;
export const runPrefix = prefix;
export const templateName = (): string => `${prefix()}_template`;

/** SQLite test databases are files in one directory per Jest run, removed by the global teardown. */
export const sqliteRunDir = (): string => path.join(os.tmpdir(), prefix());
export const sqliteTemplateFile = (): string => path.join(sqliteRunDir(), 'template.sqlite');

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  dialect: TestDialect;
  /** As DATABASE_URL takes it (`postgres://...` or `sqlite:FILE`), for processes started by a test. */
  url: string;
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
 * A database for one test file, on TEST_DB_DIALECT unless `dialect` says otherwise: a copy of
 * the migrated template by default (CREATE DATABASE ... TEMPLATE on PostgreSQL, a file copy on
 * SQLite), or empty (no migrations) for the migration tests and for platform-init to migrate.
 */
export async function createTestDatabase(opts: { empty?: boolean; dialect?: TestDialect } = {}): Promise<TestDatabase> {
  const dialect = opts.dialect ?? testDialect();
  const name = `${prefix()}_${randomBytes(5).toString('hex')}`;
  if (dialect === 'sqlite') {
    const file = path.join(sqliteRunDir(), `${name}.sqlite`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!opts.empty) {
      if (!fs.existsSync(sqliteTemplateFile())) {
        throw new Error(`No SQLite template at ${sqliteTemplateFile()}: run SQLite suites through a Jest project whose globalSetup is libs/testing/src/global-setup-sqlite.ts`);
      }
      fs.copyFileSync(sqliteTemplateFile(), file);
    }
    return {
      name,
      dialect,
      url: `sqlite:${file}`,
      config: { type: 'sqlite', file, logging: false },
      // WAL mode leaves -wal and -shm files beside the database while it is open.
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  await adminQuery(opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
  const url = databaseUrl(name);
  return {
    name,
    dialect,
    url,
    config: { type: 'postgres', url, logging: false },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
