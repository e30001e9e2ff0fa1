import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { createLogger, systemClock } from '@app/common';
import { AppConfig } from '@app/config';
import { createRedis } from '@app/core';
import { Language, ProblemEntity, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { dataSourceOptions } from '@app/migrations';
import { createTestDatabase, TestDatabase, testConfig } from '@app/testing';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { JUDGE_QUEUE, JudgeQueue } from '@app/queue';
import { EngineResult, JudgeEngine } from './engine.port';
import { JudgeSubmissionHandler } from './judge-submission.handler';
import { ProblemValidationRecorder } from './problem-validation.recorder';
import { SubmissionEvent, SubmissionPublisher } from './submission-events';
import { SubmissionsService } from './submissions.service';

/**
 * Admission on PostgreSQL and Redis: a candidate has at most `inFlightPerCandidate` submissions
 * in the judge queue at once, however many requests race; the next is admitted, oldest first,
 * when one is judged, or by the sweeper; and every stored submission reaches one verdict.
 */
const logger = createLogger('silent', 'test');
const IN_FLIGHT = 2;

describe('per-candidate admission to the judge queue', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let problem: ProblemEntity;
  let config: AppConfig;
  let redis: Redis;
  let service: SubmissionsService;
  let handler: JudgeSubmissionHandler;
  const finals = new Map<string, number>();
  const judgedOrder: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
    problem = await ds.getRepository(ProblemEntity).save(
      ds.getRepository(ProblemEntity).create({ slug: 'p', title: 'P', definition: {}, referenceSolutions: [], tags: [], createdById: null, validationReport: null }),
    );
    config = testConfig(db.config, { JUDGE_IN_FLIGHT_PER_CANDIDATE: String(IN_FLIGHT) });
    redis = createRedis(config.redis.url);
    service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    const publisher = {
      publish: async (e: SubmissionEvent) => {
        if (e.state === SubmissionState.FINISHED) finals.set(e.submissionId, (finals.get(e.submissionId) ?? 0) + 1);
      },
    } as unknown as SubmissionPublisher;
    const test: StoredTestResult = { name: 't', status: Verdict.ACCEPTED, timeMs: 1, hidden: false };
    // The engine is the one collaborator replaced: these tests are about admission, not judging.
    const engine: JudgeEngine = {
      judge: async (req) => {
        judgedOrder.push(req.source);
        return { verdict: Verdict.ACCEPTED, score: 1, passed: 1, total: 1, compileError: null, warnings: [], tests: [test] } satisfies EngineResult;
      },
    };
    handler = new JudgeSubmissionHandler(
      ds.getRepository(SubmissionEntity),
      ds.getRepository(ProblemEntity),
      engine,
      publisher,
      logger,
      new ProblemValidationRecorder(ds.getRepository(ProblemEntity), ds.getRepository(SubmissionEntity), systemClock),
      service,
      systemClock,
    );
  });
  afterAll(async () => {
    await service.queue.close();
    redis.disconnect();
    await ds.destroy();
    await db.drop();
  });

  const newSubmission = (userId: string, source: string) => ({
    kind: SubmissionKind.SUBMISSION,
    problemId: problem.id,
    problemVersion: 1,
    userId,
    language: Language.JAVASCRIPT,
    source,
  });
  const repo = () => ds.getRepository(SubmissionEntity);
  const jobIds = async () => (await service.queue.queue.getJobs(['waiting'], 0, -1, true)).map((j) => j.id!);

  /** Plays the worker: takes the oldest job in the queue and judges it. */
  async function judgeNext(): Promise<string | undefined> {
    const [id] = await jobIds();
    if (!id) return undefined;
    await service.queue.queue.remove(id);
    await handler.handle({ submissionId: id });
    return id;
  }

  it('admits exactly the limit when many submissions of one candidate race, and the rest wait in order', async () => {
    const a = randomUUID();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => service.create(newSubmission(a, `a${i}`))));
    const rows = await repo().find({ where: { userId: a }, order: { createdAt: 'ASC', id: 'ASC' } });
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.state === SubmissionState.QUEUED)).toBe(true);
    const admitted = rows.filter((r) => r.enqueuedAt !== null);
    expect(admitted.map((r) => r.id)).toEqual(rows.slice(0, IN_FLIGHT).map((r) => r.id));
    expect((await jobIds()).filter((id) => created.some((c) => c.id === id))).toHaveLength(IN_FLIGHT);
    await service.queue.queue.obliterate({ force: true });
    await repo().delete({ userId: a });
  });

  it("judges another candidate's first submission before the third of a candidate's backlog, and loses none of it", async () => {
    const a = randomUUID();
    const b = randomUUID();
    for (let i = 0; i < 8; i++) await service.create(newSubmission(a, `a${i}`));
    const theirs = await service.create(newSubmission(b, 'b0'));
    expect(await jobIds()).toEqual([...(await repo().find({ where: { userId: a }, order: { createdAt: 'ASC' }, take: 2 })).map((s) => s.id), theirs.id]);

    judgedOrder.length = 0;
    while (await judgeNext());
    // A's third is admitted only when one of A's first two is judged, so it queues behind B's.
    expect(judgedOrder).toEqual(['a0', 'a1', 'b0', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    const all = await repo().findBy({ userId: In([a, b]) });
    expect(all.every((s) => s.state === SubmissionState.FINISHED && s.verdict === Verdict.ACCEPTED)).toBe(true);
    expect(all.map((s) => finals.get(s.id))).toEqual(all.map(() => 1));
  });

  it('makes an admission pass after a verdict only when one of the candidate\'s submissions waits', async () => {
    const a = randomUUID();
    const admit = jest.spyOn(service, 'admit');
    try {
      const first = await service.create(newSubmission(a, 'n0'));
      admit.mockClear();
      // Nothing of theirs waits: no lock, no count, only the check.
      await judgeNext();
      expect(admit).not.toHaveBeenCalled();
      expect((await repo().findOneByOrFail({ id: first.id })).state).toBe(SubmissionState.FINISHED);

      for (let i = 1; i <= IN_FLIGHT + 1; i++) await service.create(newSubmission(a, `n${i}`));
      expect(await repo().countBy({ userId: a, enqueuedAt: IsNull() })).toBe(1);
      admit.mockClear();
      // One waits: the verdict frees a slot and admits it.
      await judgeNext();
      expect(admit).toHaveBeenCalledWith(a);
      expect(await repo().countBy({ userId: a, enqueuedAt: IsNull() })).toBe(0);
      while (await judgeNext());
    } finally {
      admit.mockRestore();
    }
  });

  it('leaves nothing stranded when a process dies between storing and admitting: the sweeper admits it', async () => {
    const a = randomUUID();
    // Stored by a process that died before admitting (or while Redis was down).
    const orphan = await repo().save(repo().create({ ...newSubmission(a, 'orphan'), attemptId: null, customInput: null, state: SubmissionState.QUEUED, enqueuedAt: null }));
    expect(await service.sweep(new Date(Date.now() - 60_000))).toBe(0); // too young: its request may still admit it
    expect(await service.sweep(new Date(Date.now() + 1000))).toBe(1);
    expect((await repo().findOneByOrFail({ id: orphan.id })).enqueuedAt).toBeInstanceOf(Date);
    expect(await jobIds()).toContain(orphan.id);

    // Admitted in the database, but the process died before Redis had the job: the lost-job sweep sends it.
    const claimed = await repo().save(repo().create({ ...newSubmission(randomUUID(), 'claimed'), attemptId: null, customInput: null, state: SubmissionState.QUEUED, enqueuedAt: new Date() }));
    expect(await jobIds()).not.toContain(claimed.id);
    await service.sweep(new Date(Date.now() + 60_000));
    expect(await jobIds()).toContain(claimed.id);

    while (await judgeNext());
    expect(await repo().countBy({ id: In([orphan.id, claimed.id]), state: Not(SubmissionState.FINISHED) })).toBe(0);
  });

  it('sweeps admission only for candidates with a free slot, however long the backlog', async () => {
    await service.queue.queue.obliterate({ force: true });
    const full = randomUUID();
    const free = randomUUID();
    // A backlog: its first IN_FLIGHT admitted and unjudged, the rest waiting their turn.
    for (let i = 0; i < IN_FLIGHT + 3; i++) await service.create(newSubmission(full, `w${i}`));
    // Stored by a process that died before admitting it: no one else would.
    const orphan = await repo().save(repo().create({ ...newSubmission(free, 'o'), attemptId: null, customInput: null, state: SubmissionState.QUEUED, enqueuedAt: null }));
    const admit = jest.spyOn(service, 'admit');
    try {
      expect(await service.sweep(new Date(Date.now() + 1000))).toBe(1);
      const ours = () => admit.mock.calls.map(([userId]) => userId).filter((u) => u === full || u === free);
      expect(ours()).toEqual([free]);
      expect((await repo().findOneByOrFail({ id: orphan.id })).enqueuedAt).toBeInstanceOf(Date);
      expect(await repo().countBy({ userId: full, enqueuedAt: IsNull() })).toBe(3);
      // A verdict frees a slot of the full one: the sweep (had admitNext not run) admits exactly one.
      await repo().update({ userId: full, source: 'w0' }, { state: SubmissionState.FINISHED, verdict: Verdict.ACCEPTED });
      admit.mockClear();
      expect(await service.sweep(new Date(Date.now() + 1000))).toBe(1);
      expect(ours()).toEqual([full]);
      expect(await repo().countBy({ userId: full, enqueuedAt: IsNull() })).toBe(2);
    } finally {
      admit.mockRestore();
      await service.queue.queue.obliterate({ force: true });
      await repo().delete({ userId: In([full, free]) });
    }
  });

  it('admits the next one when a submission is given up on after its retries', async () => {
    const a = randomUUID();
    const subs: SubmissionEntity[] = [];
    for (let i = 0; i < IN_FLIGHT + 1; i++) subs.push(await service.create(newSubmission(a, `g${i}`)));
    expect(await repo().countBy({ userId: a, enqueuedAt: IsNull() })).toBe(1);
    await handler.giveUp(subs[0].id, 'judging failed after 3 attempt(s): boom');
    expect(await repo().findOneByOrFail({ id: subs[0].id })).toMatchObject({ state: SubmissionState.FINISHED, verdict: Verdict.INTERNAL_ERROR });
    expect((await repo().findOneByOrFail({ id: subs[IN_FLIGHT].id })).enqueuedAt).toBeInstanceOf(Date);
    await service.queue.queue.obliterate({ force: true });
  });

  it('gives a verdict to a submission whose job failed for good while no worker recorded it, freeing its slot', async () => {
    await service.queue.queue.obliterate({ force: true });
    const a = randomUUID();
    const subs: SubmissionEntity[] = [];
    for (let i = 0; i < IN_FLIGHT + 1; i++) subs.push(await service.create(newSubmission(a, `f${i}`)));
    // A worker whose job fails for good, and which dies before its 'failed' handler writes the verdict.
    const connection = createRedis(config.redis.url);
    const failing = new Worker(JUDGE_QUEUE, async (job) => {
      if (job.id === subs[0].id) throw new UnrecoverableError('boom');
      await new Promise((r) => setTimeout(r, 60_000).unref()); // holds the others
    }, { connection, prefix: `${config.redis.prefix}:bull`, autorun: false });
    void failing.run();
    try {
      await waitUntil(async () => (await service.queue.state(subs[0].id)) === 'failed');
    } finally {
      await failing.close(true);
      connection.disconnect();
    }
    expect((await repo().findOneByOrFail({ id: subs[0].id })).state).not.toBe(SubmissionState.FINISHED);
    const givenUp: string[] = [];
    await service.sweep(new Date(Date.now() + 60_000), 30_000, async (id) => {
      givenUp.push(id);
      await handler.giveUp(id, 'judging failed and the worker stopped before recording it');
    });
    expect(givenUp).toEqual([subs[0].id]);
    expect(await repo().findOneByOrFail({ id: subs[0].id })).toMatchObject({ state: SubmissionState.FINISHED, verdict: Verdict.INTERNAL_ERROR });
    expect((await repo().findOneByOrFail({ id: subs[IN_FLIGHT].id })).enqueuedAt).toBeInstanceOf(Date);
    await service.queue.queue.obliterate({ force: true });
  });
});

async function waitUntil(fn: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
