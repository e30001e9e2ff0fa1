import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createLogger, systemClock } from '@app/common';
import { createRedis } from '@app/core';
import { Language, ProblemEntity, StoredTestResult, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { dataSourceOptions } from '@app/migrations';
import { JudgeQueue } from '@app/queue';
import { createTestDatabase, startRedis, TestDatabase, testConfig, waitFor } from '@app/testing';
import { EngineRequest, EngineResult, JudgeEngine } from './engine.port';
import { JudgeSubmissionHandler } from './judge-submission.handler';
import { ProblemValidationRecorder } from './problem-validation.recorder';
import { SubmissionEvent, SubmissionPublisher } from './submission-events';
import { LOST_AFTER_MS, SubmissionsService } from './submissions.service';

const logger = createLogger('silent', 'test');

describe('submissions on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let problem: ProblemEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
    problem = await ds.getRepository(ProblemEntity).save(
      ds.getRepository(ProblemEntity).create({ slug: 'p', title: 'P', definition: {}, referenceSolutions: [], tags: [], createdById: null, validationReport: null }),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const newSubmission = () => ({
    kind: SubmissionKind.SUBMISSION,
    problemId: problem.id,
    problemVersion: 1,
    userId: randomUUID(),
    language: Language.JAVASCRIPT,
    source: 'function f() {}',
  });

  it('never loses a submission accepted while Redis is down: the sweeper enqueues it once Redis is back', async () => {
    const redisServer = await startRedis();
    const config = testConfig(db.config, { REDIS_URL: redisServer.url });
    const redis = createRedis(config.redis.url);
    redis.on('error', () => undefined);
    const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    try {
      await redisServer.stop();
      const started = Date.now();
      const s = await service.create(newSubmission());
      expect(Date.now() - started).toBeLessThan(4000);
      const stored = await ds.getRepository(SubmissionEntity).findOneByOrFail({ id: s.id });
      expect(stored).toMatchObject({ state: SubmissionState.QUEUED, enqueuedAt: null });

      // Still down: a sweep sends nothing and loses nothing.
      expect(await service.sweep(new Date(Date.now() + 1000))).toBe(0);

      const again = await startRedis(redisServer.port);
      try {
        await waitFor(async () => redis.status === 'ready', 15_000, 'ioredis to reconnect');
        expect(await service.sweep(new Date(Date.now() + 1000))).toBe(1);
        expect(await service.queue.has(s.id)).toBe(true);
        expect((await ds.getRepository(SubmissionEntity).findOneByOrFail({ id: s.id })).enqueuedAt).toBeInstanceOf(Date);
        // A second sweep does not enqueue it twice.
        expect(await service.sweep(new Date(Date.now() + 1000))).toBe(0);
      } finally {
        await again.stop();
      }
    } finally {
      await service.queue.close();
      redis.disconnect();
    }
  }, 30_000);

  it('re-enqueues an unfinished submission whose job Redis lost', async () => {
    const config = testConfig(db.config);
    const redis = createRedis(config.redis.url);
    const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    try {
      const s = await service.create(newSubmission());
      expect(await service.queue.has(s.id)).toBe(true);
      await service.queue.queue.obliterate({ force: true }); // Redis restarted without persistence
      expect(await service.queue.has(s.id)).toBe(false);
      // Every unfinished submission older than the threshold whose job is gone (the earlier test's too).
      expect(await service.sweep(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
      expect(await service.queue.has(s.id)).toBe(true);
    } finally {
      await service.queue.close();
      redis.disconnect();
    }
  });

  it('notices that Redis lost its data and re-enqueues every unfinished submission at once, past one page', async () => {
    // A private Redis: flushed below, as a restart without persistence would.
    const redisServer = await startRedis();
    const config = testConfig(db.config, { REDIS_URL: redisServer.url });
    const redis = createRedis(config.redis.url);
    const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    try {
      expect(await service.redisLostData()).toBe(true); // a fresh Redis has no marker
      expect(await service.redisLostData()).toBe(false);
      const ids: string[] = [];
      for (let i = 0; i < 230; i++) ids.push((await service.create(newSubmission())).id);
      await redis.flushall();
      expect(await service.redisLostData()).toBe(true);
      expect(await service.redisLostData()).toBe(false);
      // Enqueued a moment ago: the usual sweep (older than LOST_AFTER_MS) leaves them.
      expect(await service.sweep(new Date(), LOST_AFTER_MS)).toBe(0);
      // After the loss, every one of them, beyond the first page of 200.
      expect(await service.sweep(new Date(Date.now() + 1), 0)).toBeGreaterThanOrEqual(ids.length);
      for (const id of ids) expect(await service.queue.has(id)).toBe(true);
      expect(await service.sweep(new Date(Date.now() + 1), 0)).toBe(0);
    } finally {
      await service.queue.close();
      redis.disconnect();
      await redisServer.stop();
    }
  }, 60_000);

  it('checks a backlog\'s jobs in O(1) Redis commands each, one round trip a page, and re-enqueues exactly the lost ones', async () => {
    // A private Redis, so its command counts are this test's alone.
    const redisServer = await startRedis();
    const config = testConfig(db.config, { REDIS_URL: redisServer.url });
    const redis = createRedis(config.redis.url);
    const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    const calls = async (command: string): Promise<number> => Number(/calls=(\d+)/.exec((await redis.info('commandstats')).split('\n').find((l) => l.startsWith(`cmdstat_${command}:`)) ?? '')?.[1] ?? 0);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 230; i++) ids.push((await service.create(newSubmission())).id);
      // Every other unfinished submission in this database gets its job here too, so the figures below are exact.
      await service.sweep(new Date(Date.now() + 60_000), 0);
      const unfinished = await ds.getRepository(SubmissionEntity).countBy({ state: SubmissionState.QUEUED });
      const presence = await service.queue.presence(ids.slice(0, 3));
      expect([...presence.values()]).toEqual(['present', 'present', 'present']);

      const lost = [ids[5], ids[150], ids[220]];
      for (const id of lost) await service.queue.queue.remove(id);
      expect([...(await service.queue.presence(lost)).values()]).toEqual(['missing', 'missing', 'missing']);
      const [lposBefore, existsBefore] = [await calls('lpos'), await calls('exists')];
      expect(await service.sweep(new Date(Date.now() + 60_000))).toBe(3);
      for (const id of lost) expect(await service.queue.has(id)).toBe(true);
      // getJobState searched the wait list (LPOS) once per job: a sweep over a backlog was quadratic.
      expect((await calls('lpos')) - lposBefore).toBe(0);
      // One EXISTS per unfinished submission (and the three re-enqueues' own, inside BullMQ's addJob).
      const exists = (await calls('exists')) - existsBefore;
      expect(exists).toBeGreaterThanOrEqual(unfinished);
      expect(exists).toBeLessThanOrEqual(unfinished + 3 * 2);
      expect(await service.sweep(new Date(Date.now() + 60_000))).toBe(0);
    } finally {
      await service.queue.close();
      redis.disconnect();
      await redisServer.stop();
    }
  }, 60_000);

  it('lets one process sweep per interval, whichever asks first', async () => {
    const redisServer = await startRedis();
    const config = testConfig(db.config, { REDIS_URL: redisServer.url });
    const clients = [0, 1, 2].map(() => createRedis(config.redis.url));
    const services = clients.map((redis) => {
      return new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    });
    try {
      const claims = await Promise.all(services.map((s) => s.claimSweep(400)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await services[0].claimSweep(400)).toBe(false);
      await new Promise((r) => setTimeout(r, 450));
      const next = await Promise.all(services.map((s) => s.claimSweep(400)));
      expect(next.filter(Boolean)).toHaveLength(1);
    } finally {
      for (const s of services) await s.queue.close();
      for (const c of clients) c.disconnect();
      await redisServer.stop();
    }
  }, 30_000);

  it('writes one final verdict when the same submission is judged twice at once', async () => {
    const config = testConfig(db.config);
    const redis = createRedis(config.redis.url);
    const published: SubmissionEvent[] = [];
    const publisher = { publish: async (e: SubmissionEvent) => void published.push(e) } as unknown as SubmissionPublisher;
    const test: StoredTestResult = { name: 't', status: Verdict.ACCEPTED, timeMs: 1, hidden: false };
    // The engine is the one collaborator replaced: this test is about the database writes.
    const engine: JudgeEngine = {
      judge: async (_req: EngineRequest, onTest) => {
        await new Promise((r) => setTimeout(r, 50));
        onTest?.(test, 0);
        return { verdict: Verdict.ACCEPTED, score: 1, passed: 1, total: 1, compileError: null, warnings: [], tests: [test] } satisfies EngineResult;
      },
    };
    const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    const handler = new JudgeSubmissionHandler(
      ds.getRepository(SubmissionEntity),
      ds.getRepository(ProblemEntity),
      engine,
      publisher,
      logger,
      new ProblemValidationRecorder(ds.getRepository(ProblemEntity), ds.getRepository(SubmissionEntity), systemClock),
      service,
      systemClock,
    );
    try {
      const s = await service.create(newSubmission());
      const outcomes = await Promise.all([handler.handle({ submissionId: s.id }), handler.handle({ submissionId: s.id }), handler.handle({ submissionId: s.id })]);
      expect(outcomes.filter((o) => o === 'judged').length).toBeGreaterThanOrEqual(1);
      const finals = published.filter((e) => e.submissionId === s.id && e.state === SubmissionState.FINISHED);
      expect(finals).toHaveLength(1);
      const stored = await ds.getRepository(SubmissionEntity).findOneByOrFail({ id: s.id });
      expect(stored).toMatchObject({ state: SubmissionState.FINISHED, verdict: Verdict.ACCEPTED, score: 1, passed: 1, total: 1 });
      // A retry after the verdict does nothing.
      expect(await handler.handle({ submissionId: s.id })).toBe('already-finished');
      expect(published.filter((e) => e.submissionId === s.id && e.state === SubmissionState.FINISHED)).toHaveLength(1);
    } finally {
      await service.queue.close();
      redis.disconnect();
    }
  });
});
