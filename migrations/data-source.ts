import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { ENTITIES } from '@app/domain';
import { SqliteTimestampsSubscriber } from './sqlite-timestamps.subscriber';
import { installSqliteTransactionLock, prepareSqliteConnection, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-concurrency';

type MigrationClass = new () => MigrationInterface;

/**
 * One migration set per dialect, generated from the entities by `npm run migration:generate`.
 * Generated SQL is exact for each engine, and the check in migrations.integration-spec.ts
 * fails when the entities and either set disagree.
 */
export function loadMigrations(dialect: 'sqlite' | 'postgres'): MigrationClass[] {
  const dir = path.join(__dirname, dialect);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+.*\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- migrations are discovered at run time
    .flatMap((f) => Object.values(require(path.join(dir, f)) as Record<string, unknown>))
    .filter((v): v is MigrationClass => typeof v === 'function');
}

export function dataSourceOptions(db: DatabaseConfig, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: db.logging,
  } as const;
  if (db.type === 'sqlite') {
    // One connection shared by every request: transactions take turns (sqlite-concurrency.ts).
    installSqliteTransactionLock();
    fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      migrations: loadMigrations('sqlite'),
      subscribers: [SqliteTimestampsSubscriber],
      // Two processes (API, worker) write this file: WAL and busy_timeout, see sqlite-concurrency.ts.
      prepareDatabase: prepareSqliteConnection,
      ...overrides,
    } as DataSourceOptions;
  }
  return {
    ...common,
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    migrations: loadMigrations('postgres'),
    extra: { max: 10, connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}

export async function runMigrations(db: DatabaseConfig): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(db));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** SQL statements the entities would still need after every migration ran: empty when they agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
