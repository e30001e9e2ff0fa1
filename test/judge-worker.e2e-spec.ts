import IORedis from 'ioredis';
import { DataSource, In } from 'typeorm';
import { Language, ProblemEntity, ProblemValidationStatus, SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';
import { dataSourceOptions } from '@app/migrations';
import { JudgeQueue } from '@app/queue';
import { Platform, PLATFORM_START_MS, startPlatform, waitFor } from '@app/testing';

/**
 * Workers are processes that can die at any moment. A worker killed with SIGKILL mid-job
 * leaves no submission stuck: BullMQ hands the stalled job to another worker, and every
 * submission reaches exactly one final verdict.
 */
const SLOW_PROBLEM = {
  slug: 'slow-sum',
  title: 'Slow sum',
  statement: 'Return a + b, slowly.',
  mode: 'function',
  entryPoint: 'add',
  limits: { timeMs: 4000, memoryMb: 64 },
  checker: { type: 'exact' },
  tests: Array.from({ length: 6 }, (_, i) => ({ name: `t${i}`, args: [i, i], expected: 2 * i, hidden: i > 1 })),
};
// ~150-300 ms of work per test: long enough that jobs are in flight when the worker dies.
const SLOW_SOLUTION = 'function add(a, b) { let x = 0; for (let i = 0; i < 1.5e8; i++) x += i & 1; return a + b + (x < 0 ? 1 : 0); }';

describe('judge workers', () => {
  let p: Platform;
  let ds: DataSource;
  let redis: IORedis;
  let events: IORedis;
  let queue: JudgeQueue;
  const finishedEvents = new Map<string, number>();

  beforeAll(async () => {
    p = await startPlatform({ workers: 0, env: { JUDGE_LOCK_MS: '2000', JUDGE_CONCURRENCY: '4' } });
    ds = new DataSource(dataSourceOptions({ type: 'postgres', url: p.env.DATABASE_URL, logging: false }));
    await ds.initialize();
    redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    events = redis.duplicate();
    queue = new JudgeQueue(redis, p.env.REDIS_PREFIX, 3);
    await events.psubscribe(`${p.env.REDIS_PREFIX}:events:submission:*`);
    events.on('pmessage', (_pattern, _channel, message: string) => {
      const e = JSON.parse(message) as { submissionId: string; state: SubmissionState };
      if (e.state === SubmissionState.FINISHED) finishedEvents.set(e.submissionId, (finishedEvents.get(e.submissionId) ?? 0) + 1);
    });
  }, PLATFORM_START_MS);

  afterAll(async () => {
    await queue?.close();
    events?.disconnect();
    redis?.disconnect();
    await ds?.destroy();
    await p?.stop();
  });

  it('judges every submission exactly once when a worker is killed with SIGKILL mid-job', async () => {
    const problem = await ds.getRepository(ProblemEntity).save(
      ds.getRepository(ProblemEntity).create({
        slug: SLOW_PROBLEM.slug,
        title: SLOW_PROBLEM.title,
        definition: SLOW_PROBLEM,
        referenceSolutions: [{ language: 'javascript', source: SLOW_SOLUTION }],
        validationStatus: ProblemValidationStatus.VALID,
        validationReport: null,
        tags: [],
        createdById: null,
      }),
    );
    const repo = ds.getRepository(SubmissionEntity);
    const subs = await repo.save(
      Array.from({ length: 10 }, () =>
        repo.create({ kind: SubmissionKind.SUBMISSION, problemId: problem.id, problemVersion: 1, userId: null, attemptId: null, language: Language.JAVASCRIPT, source: SLOW_SOLUTION, customInput: null, state: SubmissionState.QUEUED }),
      ),
    );
    for (const s of subs) await queue.enqueue(s.id);

    const first = p.startWorker();
    const running = await waitFor(async () => {
      const rows = await repo.findBy({ id: In(subs.map((x) => x.id)), state: SubmissionState.RUNNING });
      return rows.length >= 2 ? rows.map((r) => r.id) : undefined;
    }, 30_000, 'two submissions in progress');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = p.startWorker();
    try {
      await waitFor(async () => (await repo.countBy({ id: In(subs.map((x) => x.id)), state: SubmissionState.FINISHED })) === subs.length, 90_000, 'every submission to finish');
    } catch (e) {
      const states = (await repo.findBy({ id: In(subs.map((x) => x.id)) })).map((s) => `${s.state}/${s.verdict}/${s.judgeAttempts}`);
      throw new Error(`${(e as Error).message}; states ${states.join(', ')}; second worker said: ${second.stdout().slice(-3000)} ${second.stderr().slice(-2000)}`);
    }

    const done = await repo.find({ where: { id: In(subs.map((x) => x.id)) } });
    done.sort((a, b) => subs.findIndex((x) => x.id === a.id) - subs.findIndex((x) => x.id === b.id));
    expect(done.map((s) => s.verdict)).toEqual(subs.map(() => 'ACCEPTED'));
    expect(done.every((s) => s.score === 1 && s.results?.length === 6)).toBe(true);
    // The ones the killed worker held were started again by the second worker.
    for (const id of running) expect(done.find((s) => s.id === id)!.judgeAttempts).toBeGreaterThanOrEqual(2);
    // Exactly one final verdict each: one FINISHED event per submission, never two.
    await new Promise((r) => setTimeout(r, 500));
    expect(subs.map((s) => finishedEvents.get(s.id))).toEqual(subs.map(() => 1));
  }, 180_000);

  it('finishes the job in hand before exiting on SIGTERM', async () => {
    const repo = ds.getRepository(SubmissionEntity);
    const problem = await ds.getRepository(ProblemEntity).findOneByOrFail({ slug: SLOW_PROBLEM.slug });
    const [s] = await repo.save([
      repo.create({ kind: SubmissionKind.SUBMISSION, problemId: problem.id, problemVersion: 1, userId: null, attemptId: null, language: Language.JAVASCRIPT, source: SLOW_SOLUTION, customInput: null, state: SubmissionState.QUEUED }),
    ]);
    // Only this worker runs: the earlier test's workers are stopped first.
    await Promise.all(p.workers.map((w) => w.stop('SIGKILL')));
    const worker = p.startWorker({ LOG_LEVEL: 'info' });
    await waitFor(async () => worker.stdout().includes('judge worker consuming'), 30_000, 'the worker to start consuming');
    await queue.enqueue(s.id);
    await waitFor(async () => (await repo.findOneByOrFail({ id: s.id })).state === SubmissionState.RUNNING, 30_000, 'the submission to start');
    worker.child.kill('SIGTERM');
    await worker.exited;
    // Nest re-raises the signal once its shutdown hooks are done: the process ends by SIGTERM, after draining.
    expect(worker.child.signalCode ?? worker.child.exitCode).toBe('SIGTERM');
    // It exited only after writing the verdict of the job it held.
    expect(await repo.findOneByOrFail({ id: s.id })).toMatchObject({ state: SubmissionState.FINISHED, verdict: 'ACCEPTED', judgeAttempts: 1 });
  }, 120_000);
});
