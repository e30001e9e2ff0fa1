import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { DataSource, Like } from 'typeorm';
import { JobTemplateEntity } from '@app/domain';
import { createTestDatabase, TestDatabase, testDialect } from '@app/testing';
import { dataSourceOptions } from './data-source';

const template = (key: string) => Object.assign(new JobTemplateEntity(), { key, name: key, content: {} as JobTemplateEntity['content'] });
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise(setImmediate);
};

// The same expectations on both engines: on PostgreSQL each runner has its own connection; on
// SQLite one connection is shared and sqlite-concurrency.ts makes transactions take turns.
describe(`concurrent transactions on one DataSource (${testDialect()})`, () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const keys = async (prefix: string) =>
    (await ds.getRepository(JobTemplateEntity).find({ where: { key: Like(`${prefix}%`) }, order: { key: 'ASC' } })).map((t) => t.key);

  it('runs twenty dataSource.transaction() calls started at once, and keeps every row', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ds.transaction(async (em) => {
          for (let j = 0; j < 3; j++) {
            await em.save(template(`many-${String(i).padStart(2, '0')}-${j}`));
            await turns(1);
          }
          return i;
        }),
      ),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
    expect(failures).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await keys('many-')).toHaveLength(60);
  });

  it('rolls back only its own writes while other requests write meanwhile', async () => {
    const repo = ds.getRepository(JobTemplateEntity);
    await repo.save(template('keep-base'));
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const doomed = ds.transaction(async (em) => {
      await em.save(template('doomed-1'));
      opened();
      // Let the other requests issue their queries while this transaction is open.
      await turns(10);
      await em.save(template('doomed-2'));
      throw new Error('the request failed');
    });
    await open;
    const others = Promise.all([
      ...Array.from({ length: 3 }, (_, i) => repo.save(template(`keep-save-${i}`))),
      ...Array.from({ length: 3 }, (_, i) => ds.transaction((em) => em.save(template(`keep-tx-${i}`)))),
      repo.update({ key: 'keep-base' }, { name: 'renamed meanwhile' }),
      ds.query('SELECT 1 AS one'),
    ]);
    await expect(doomed).rejects.toThrow('the request failed');
    await others;
    expect(await keys('doomed-')).toEqual([]);
    expect(await keys('keep-')).toEqual(['keep-base', 'keep-save-0', 'keep-save-1', 'keep-save-2', 'keep-tx-0', 'keep-tx-1', 'keep-tx-2']);
    expect((await repo.findOneByOrFail({ key: 'keep-base' })).name).toBe('renamed meanwhile');
  });

  it('gives a nested transaction of the owner a savepoint, not a wait for its own lock', async () => {
    await ds.transaction(async (em) => {
      await em.save(template('nested-outer'));
      await em.transaction((inner) => inner.save(template('nested-kept')));
      await expect(
        em.transaction(async (inner) => {
          await inner.save(template('nested-undone'));
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await keys('nested-')).toEqual(['nested-kept', 'nested-outer']);
  });

  it('frees the connection for others after a failed statement inside a transaction', async () => {
    const repo = ds.getRepository(JobTemplateEntity);
    await repo.save(template('dup'));
    await expect(ds.transaction((em) => em.insert(JobTemplateEntity, template('dup')))).rejects.toThrow();
    await expect(ds.transaction((em) => em.save(template('after-failure')))).resolves.toBeDefined();
    expect(await keys('after-failure')).toEqual(['after-failure']);
  });

  // PostgreSQL hands the connection back to its pool as it is; SQLite's shared one must not stay locked.
  (testDialect() === 'sqlite' ? it : it.skip)('rolls back a query runner released in the middle of its transaction, and lets others in', async () => {
    const qr = ds.createQueryRunner();
    await qr.startTransaction();
    await qr.manager.save(template('abandoned'));
    const waiting = ds.getRepository(JobTemplateEntity).save(template('after-abandoned'));
    await turns(3);
    await qr.release();
    await waiting;
    expect(await keys('abandoned')).toEqual([]);
    expect(await keys('after-abandoned')).toEqual(['after-abandoned']);
  });
});

// Under `npm start` the API and the worker are two processes on one SQLite file.
(testDialect() === 'sqlite' ? describe : describe.skip)('two processes writing one SQLite file', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
    await ds.query('CREATE TABLE probe (writer varchar(20) NOT NULL, seq varchar(20) NOT NULL, seen integer NOT NULL, PRIMARY KEY (writer, seq))');
    await ds.destroy();
  });
  afterAll(() => db.drop());

  const LOOPS = 4;
  const PER_LOOP = 25;
  const TOTAL = 2 * LOOPS * PER_LOOP;

  /** A writer process, ready once its DataSource is open; it starts writing on `go()`. */
  const writer = (name: string) => {
    const fixture = path.join(__dirname, 'sqlite-writer.fixture.ts');
    const file = (db.config as { file: string }).file;
    const child = spawn(process.execPath, ['--no-node-snapshot', '--require', require.resolve('sucrase/register/ts'), fixture, file, name, String(LOOPS), String(PER_LOOP)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let onReady!: () => void;
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) onReady();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
      child.once('exit', (code) => {
        onReady();
        resolve({ code, out: out.replace(/^ready\n/, ''), err });
      }),
    );
    return { ready, exited, go: () => child.stdin.end('go\n') };
  };

  it('both commit every read-then-write transaction: the loser of the write lock waits instead of failing', async () => {
    const writers = [writer('a'), writer('b')];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const [a, b] = await Promise.all(writers.map((w) => w.exited));
    for (const r of [a, b]) {
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(JSON.parse(r.out)).toEqual({ errors: [] });
    }
    const ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
    try {
      const rows = await ds.query<{ writer: string; n: number }[]>('SELECT writer, COUNT(*) AS n FROM probe GROUP BY writer ORDER BY writer');
      expect(rows.map((r) => [r.writer, r.n])).toEqual([['a', TOTAL / 2], ['b', TOTAL / 2]]);
      // Each transaction counted every row committed before it and nothing else: one at a time,
      // across both processes, so the counts seen are 0 to TOTAL - 1, each once.
      const seen = await ds.query<{ seen: number }[]>('SELECT seen FROM probe ORDER BY seen');
      expect(seen.map((r) => r.seen)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    } finally {
      await ds.destroy();
    }
  });
});
