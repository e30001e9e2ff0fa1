import IORedis from 'ioredis';
import { DataSource, In } from 'typeorm';
import { createLogger, systemClock } from '@app/common';
import { Language, ProblemEntity, ProblemValidationStatus, SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';
import { SubmissionsService } from '@app/judging';
import { dataSourceOptions } from '@app/migrations';
import { JudgeQueue } from '@app/queue';
import { Platform, PLATFORM_START_MS, startPlatform, testConfig, waitFor } from '@app/testing';

/**
 * Fairness through a real worker process (2 sandboxes): candidate A's backlog of slow
 * submissions does not hold up candidate B's first one by more than one job per sandbox, every
 * one of A's submissions still reaches exactly one verdict, and a TypeScript type-check bomb is
 * stopped at its budget without holding a sandbox.
 */
const IN_FLIGHT = 2;
const TYPECHECK_BUDGET_MS = 1000;

const SPIN_PROBLEM = {
  slug: 'spin',
  title: 'Spin',
  statement: 'Return a.',
  mode: 'function',
  entryPoint: 'solve',
  limits: { timeMs: 800, memoryMb: 64 },
  checker: { type: 'exact' },
  tests: [{ name: 't0', args: [1], expected: 1, hidden: false }],
};
const TLE = 'function solve(a) { for (;;) {} }';
const OK_JS = 'function solve(a) { return a; }';
const OK_TS = 'function solve(a: number): number { return a; }';

/** Statements the TypeScript checker takes seconds each to resolve (20 of them: 77 s unbounded). */
function typeCheckBomb(n: number): string {
  const statements = Array.from(
    { length: n },
    (_, i) => `type L${i}<T, N extends unknown[] = []> = N['length'] extends 900 ? T : L${i}<{ a: T; b: T }, [...N, ${i}]>;
type R${i}<T> = T extends { a: infer A } ? R${i}<A> : T;
const v${i}: R${i}<L${i}<number>> = 1;`,
  );
  return `${statements.join('\n')}\nfunction solve(a: number): number { return a; }\n`;
}

describe('judge fairness across candidates', () => {
  let p: Platform;
  let ds: DataSource;
  let redis: IORedis;
  let events: IORedis;
  let service: SubmissionsService;
  let problem: ProblemEntity;
  const finishedEvents = new Map<string, number>();

  beforeAll(async () => {
    p = await startPlatform({
      workers: 0,
      env: { JUDGE_SANDBOXES: '2', JUDGE_CONCURRENCY: '4', JUDGE_IN_FLIGHT_PER_CANDIDATE: String(IN_FLIGHT), JUDGE_TYPECHECK_BUDGET_MS: String(TYPECHECK_BUDGET_MS) },
    });
    const database = { type: 'postgres' as const, url: p.env.DATABASE_URL, logging: false };
    ds = new DataSource(dataSourceOptions(database));
    await ds.initialize();
    redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    events = redis.duplicate();
    await events.psubscribe(`${p.env.REDIS_PREFIX}:events:submission:*`);
    events.on('pmessage', (_pattern, _channel, message: string) => {
      const e = JSON.parse(message) as { submissionId: string; state: SubmissionState };
      if (e.state === SubmissionState.FINISHED) finishedEvents.set(e.submissionId, (finishedEvents.get(e.submissionId) ?? 0) + 1);
    });
    // The API's own SubmissionsService, in this process: the same store-then-admit path submitSolution takes.
    const config = testConfig(database, { REDIS_PREFIX: p.env.REDIS_PREFIX, JUDGE_IN_FLIGHT_PER_CANDIDATE: String(IN_FLIGHT) });
    service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, createLogger('silent', 'test'), new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
    problem = await ds.getRepository(ProblemEntity).save(
      ds.getRepository(ProblemEntity).create({
        slug: SPIN_PROBLEM.slug,
        title: SPIN_PROBLEM.title,
        definition: SPIN_PROBLEM,
        referenceSolutions: [{ language: 'javascript', source: OK_JS }],
        validationStatus: ProblemValidationStatus.VALID,
        validationReport: null,
        tags: [],
        createdById: null,
      }),
    );
  }, PLATFORM_START_MS);

  afterAll(async () => {
    await service?.queue.close();
    events?.disconnect();
    redis?.disconnect();
    await ds?.destroy();
    await p?.stop();
  });

  const submit = (userId: string, source: string, language = Language.JAVASCRIPT) =>
    service.create({ kind: SubmissionKind.SUBMISSION, problemId: problem.id, problemVersion: 1, userId, language, source });
  const repo = () => ds.getRepository(SubmissionEntity);
  const allFinished = (ids: string[]) => async () => (await repo().countBy({ id: In(ids), state: SubmissionState.FINISHED })) === ids.length;

  it("judges B's first submission before A's third, while A's backlog of time-limit-exceeded solutions drains, and loses none of A's", async () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const worker = p.startWorker();
    const mine: SubmissionEntity[] = [];
    for (let i = 0; i < 6; i++) mine.push(await submit(a, TLE));
    await waitFor(async () => (await repo().countBy({ id: In(mine.map((s) => s.id)), state: SubmissionState.RUNNING })) === IN_FLIGHT, 30_000, "A's first two to run");
    const theirs = await submit(b, OK_JS);
    const ids = [...mine.map((s) => s.id), theirs.id];
    try {
      await waitFor(allFinished(ids), 90_000, 'every submission to finish');
    } catch (e) {
      throw new Error(`${(e as Error).message}; worker said: ${worker.stdout().slice(-3000)} ${worker.stderr().slice(-2000)}`);
    }
    const done = new Map((await repo().findBy({ id: In(ids) })).map((s) => [s.id, s]));
    const A = mine.map((s) => done.get(s.id)!);
    const B = done.get(theirs.id)!;
    expect(B.verdict).toBe('ACCEPTED');
    // A's third was admitted only when one of A's first two was judged: it queued behind B, and
    // B took the first sandbox A freed. So B waited for one of A's jobs, not for A's backlog.
    const firstFreed = Math.min(A[0].finishedAt!.getTime(), A[1].finishedAt!.getTime());
    expect(B.finishedAt!.getTime()).toBeLessThan(A[2].finishedAt!.getTime());
    expect(B.finishedAt!.getTime() - firstFreed).toBeLessThan(1000);
    // Never more than IN_FLIGHT of A's at once: A's k-th started only after k - IN_FLIGHT + 1 of its
    // earlier ones were judged (the admission bound, seen from the worker's side).
    for (let k = IN_FLIGHT; k < A.length; k++) {
      const judgedBefore = A.slice(0, k).filter((s) => s.finishedAt!.getTime() <= A[k].startedAt!.getTime()).length;
      expect(judgedBefore).toBeGreaterThanOrEqual(k - IN_FLIGHT + 1);
    }
    // Each of A's reached exactly one verdict.
    expect(A.map((s) => s.verdict)).toEqual(A.map(() => 'TIME_LIMIT_EXCEEDED'));
    expect(A.every((s) => s.judgeAttempts === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(ids.map((id) => finishedEvents.get(id))).toEqual(ids.map(() => 1));
    await worker.stop('SIGTERM');
  }, 180_000);

  it('stops a type-check bomb at its budget without holding the one sandbox', async () => {
    await Promise.all(p.workers.map((w) => w.stop('SIGKILL')));
    const worker = p.startWorker({ JUDGE_SANDBOXES: '1' });
    // Warm the sandbox child and the type-check thread: the timings below are the bomb's alone.
    const warm = await submit('00000000-0000-4000-8000-0000000000f0', OK_TS, Language.TYPESCRIPT);
    await waitFor(allFinished([warm.id]), 60_000, 'the warm-up submission');
    expect(await repo().findOneByOrFail({ id: warm.id })).toMatchObject({ verdict: 'ACCEPTED', warnings: [] });

    const bomb = await submit('00000000-0000-4000-8000-0000000000c0', typeCheckBomb(20), Language.TYPESCRIPT);
    await waitFor(async () => (await repo().findOneByOrFail({ id: bomb.id })).state === SubmissionState.RUNNING, 30_000, 'the bomb to start');
    const next = await submit('00000000-0000-4000-8000-0000000000d0', OK_JS);
    try {
      await waitFor(allFinished([bomb.id, next.id]), 60_000, 'both to finish');
    } catch (e) {
      throw new Error(`${(e as Error).message}; worker said: ${worker.stdout().slice(-3000)} ${worker.stderr().slice(-2000)}`);
    }
    const B = await repo().findOneByOrFail({ id: bomb.id });
    const N = await repo().findOneByOrFail({ id: next.id });
    expect(B).toMatchObject({ verdict: 'ACCEPTED', warnings: [`the type check did not finish: it took longer than ${TYPECHECK_BUDGET_MS} ms; it was skipped`] });
    // The next submission got the one sandbox while the bomb's check was still running.
    expect(N.verdict).toBe('ACCEPTED');
    expect(N.finishedAt!.getTime()).toBeLessThan(B.finishedAt!.getTime());
    // The bomb cost its tests plus the budget, not the 77 s the checker would take.
    expect(B.finishedAt!.getTime() - B.startedAt!.getTime()).toBeLessThan(TYPECHECK_BUDGET_MS + 4000);
    await worker.stop('SIGTERM');
  }, 180_000);
});
