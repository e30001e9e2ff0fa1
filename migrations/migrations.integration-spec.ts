import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '@app/config';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { dataSourceOptions, loadMigrations, pendingSchemaChanges } from './data-source';

/**
 * The CI check that entities and migrations agree, on both engines: run every migration on an
 * empty database, then ask TypeORM what it would still change. Then undo them all.
 */
describe.each(['sqlite', 'postgres'] as const)('migrations on %s', (dialect) => {
  let db: TestDatabase;
  let config: DatabaseConfig;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true, dialect });
    config = db.config;
  });
  afterAll(() => db.drop());

  it('has the same migrations, in the same order, for both engines', () => {
    const names = (d: 'sqlite' | 'postgres') => loadMigrations(d).map((m) => m.name.replace(/\d+$/, ''));
    expect(names(dialect)).toEqual(names('sqlite'));
    expect(names('postgres').length).toBeGreaterThan(0);
  });

  it('leaves no pending schema change after every migration ran, and undoes cleanly', async () => {
    const ds = new DataSource(dataSourceOptions(config));
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.length).toBe(loadMigrations(dialect).length);
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      for (let i = 0; i < ran.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const qr = ds.createQueryRunner();
      const left = [];
      for (const m of ds.entityMetadatas) if (await qr.hasTable(m.tableName)) left.push(m.tableName);
      await qr.release();
      expect(left).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
