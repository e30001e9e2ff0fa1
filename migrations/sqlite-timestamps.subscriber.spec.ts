import { DataSource } from 'typeorm';
import { JobTemplateEntity, ShortlistPolicyEntity } from '@app/domain';
import { dataSourceOptions } from './data-source';

const MS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

describe('SQLite create and update dates to the millisecond', () => {
  let ds: DataSource;
  const stored = async (table: string, id: string, columns = `"createdAt" AS c, "updatedAt" AS u`) =>
    (await ds.query(`SELECT ${columns} FROM ${table} WHERE id = ?`, [id]))[0] as { c?: string; u: string };
  // Only Date is faked: the clock moves when a test says so (3 ms, less than a second), while
  // TypeORM's and the lock's own timers stay real.
  const tick = () => jest.setSystemTime(Date.now() + 3);
  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => jest.useRealTimers());

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions({ type: 'sqlite', file: ':memory:', logging: false }));
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(() => ds.destroy());

  it('stamps inserts and entity saves, so two changes within one second still differ', async () => {
    const repo = ds.getRepository(ShortlistPolicyEntity);
    const row = await repo.save(repo.create({ jobId: 'job-1', weights: { skills: 1, assessment: 0, interview: 0 }, requireComponents: [], redFlagPenalties: { LOW: 0, MEDIUM: 0, HIGH: 0 }, updatedById: null }));
    const first = (await stored('shortlist_policies', row.id, `"updatedAt" AS u`)).u;
    expect(first).toMatch(MS);
    tick();
    const loaded = await repo.findOneByOrFail({ id: row.id });
    loaded.minSharedCandidates = 7;
    await repo.save(loaded);
    const second = (await stored('shortlist_policies', row.id, `"updatedAt" AS u`)).u;
    expect(second).toMatch(MS);
    expect(second > first).toBe(true);
    // Read back as the same instant.
    expect((await repo.findOneByOrFail({ id: row.id })).updatedAt.toISOString()).toBe(`${second.replace(' ', 'T')}Z`);
  });

  it('stamps query-builder updates and the creation date too', async () => {
    const repo = ds.getRepository(JobTemplateEntity);
    const t = await repo.save(repo.create({ key: 'k', name: 'K', content: {} as JobTemplateEntity['content'] }));
    const created = await stored('job_templates', t.id);
    expect(created.c).toMatch(MS);
    expect(created.u).toBe(created.c);
    tick();
    await ds.createQueryBuilder().update(JobTemplateEntity).set({ name: 'K2' }).where('id = :id', { id: t.id }).execute();
    const updated = await stored('job_templates', t.id);
    expect(updated.c).toBe(created.c);
    expect(updated.u).toMatch(MS);
    expect(updated.u > created.u).toBe(true);
  });
});
