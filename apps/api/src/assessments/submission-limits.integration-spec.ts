import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { SubmissionEntity, SubmissionKind } from '@app/domain';
import { SubmissionsService } from '@app/judging';
import { errorCode, GqlResponse, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * One candidate cannot flood the judge: submitSolution and runCode are limited per candidate per
 * minute (atomically, so parallel requests racing the limit do not get past it), and of what
 * was accepted only a few per candidate are in the judge queue at once; the rest wait, stored,
 * in order. No worker runs here: the limits act before judging.
 */
const ledgers = JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as {
  referenceSolutions: { source: string }[];
};

const SUBMISSIONS_PER_MINUTE = 5;
const RUNS_PER_MINUTE = 3;
const IN_FLIGHT = 2;

describe('submission limits per candidate', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let submissions: Repository<SubmissionEntity>;
  let service: SubmissionsService;

  beforeAll(async () => {
    api = await startApi({
      JUDGE_SUBMISSIONS_PER_MINUTE: String(SUBMISSIONS_PER_MINUTE),
      JUDGE_RUNS_PER_MINUTE: String(RUNS_PER_MINUTE),
      JUDGE_IN_FLIGHT_PER_CANDIDATE: String(IN_FLIGHT),
    });
    story = await assessmentStory(api, 2, 0);
    submissions = api.app.get(getRepositoryToken(SubmissionEntity));
    service = api.app.get(SubmissionsService);
  }, 120_000);
  afterAll(() => api.close());

  const submit = (token: string, attemptId: string) =>
    api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id state } }`, {
      i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: ledgers.referenceSolutions[0].source },
    }, token);
  const run = (token: string, attemptId: string) =>
    api.gql(`mutation($i: RunCodeInput!) { runCode(input: $i) { id state } }`, {
      i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: 'function reconcileLedgers() { return {}; }' },
    }, token);

  function expectRateLimited(res: GqlResponse<unknown>, what: RegExp): void {
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect(res.errors![0].message).toMatch(what);
    const wait = res.errors![0].extensions!.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
  }

  it('stores exactly the per-minute limit of parallel submissions; the excess answers RATE_LIMITED with retryAfterSeconds', async () => {
    const [a] = story.candidates;
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit(a.user.token, a.attemptId)));
    const accepted = answers.filter((r) => !r.errors);
    const refused = answers.filter((r) => r.errors);
    expect(accepted).toHaveLength(SUBMISSIONS_PER_MINUTE);
    expect(refused).toHaveLength(12 - SUBMISSIONS_PER_MINUTE);
    for (const r of refused) expectRateLimited(r, new RegExp(`^At most ${SUBMISSIONS_PER_MINUTE} submissions a minute\\. Try again in \\d+ s\\.$`));
    const stored = await submissions.findBy({ attemptId: a.attemptId, kind: SubmissionKind.SUBMISSION });
    expect(stored.map((s) => s.id).sort()).toEqual(accepted.map((r) => ok(r).submitSolution.id).sort());
    // Every accepted one says QUEUED: stored, whether already in the judge queue or waiting its turn.
    expect(accepted.every((r) => ok(r).submitSolution.state === 'QUEUED')).toBe(true);
  });

  it('puts at most the in-flight limit of a candidate into the judge queue, the oldest first, and never holds up another candidate', async () => {
    const [a, b] = story.candidates;
    const mine = await submissions.find({ where: { attemptId: a.attemptId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const admitted = mine.filter((s) => s.enqueuedAt !== null);
    expect(admitted.map((s) => s.id)).toEqual(mine.slice(0, IN_FLIGHT).map((s) => s.id));
    const jobs = await service.queue.queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.id).filter((id) => mine.some((s) => s.id === id)).sort()).toEqual(admitted.map((s) => s.id).sort());

    // B's first submission goes straight into the queue, behind at most IN_FLIGHT of A's.
    const theirs = ok(await submit(b.user.token, b.attemptId)).submitSolution;
    expect((await submissions.findOneByOrFail({ id: theirs.id })).enqueuedAt).toBeInstanceOf(Date);
    const order = (await service.queue.queue.getJobs(['waiting'], 0, -1, true)).map((j) => j.id);
    const ahead = order.slice(0, order.indexOf(theirs.id));
    expect(order).toContain(theirs.id);
    expect(ahead.filter((id) => mine.some((s) => s.id === id))).toHaveLength(IN_FLIGHT);

    // A sweep admits nothing more while A's admitted ones are unjudged.
    await service.sweep(new Date(Date.now() + 1000));
    expect(await submissions.countBy({ attemptId: a.attemptId, enqueuedAt: Not(IsNull()) })).toBe(IN_FLIGHT);
  });

  it('limits runCode per minute too, under parallel requests', async () => {
    const [, b] = story.candidates;
    const answers = await Promise.all(Array.from({ length: 8 }, () => run(b.user.token, b.attemptId)));
    expect(answers.filter((r) => !r.errors)).toHaveLength(RUNS_PER_MINUTE);
    for (const r of answers.filter((x) => x.errors)) expectRateLimited(r, new RegExp(`^At most ${RUNS_PER_MINUTE} runs a minute\\.`));
    expect(await submissions.countBy({ attemptId: b.attemptId, kind: In([SubmissionKind.RUN]) })).toBe(RUNS_PER_MINUTE);
    // Runs share the candidate's in-flight bound with submissions.
    expect(await submissions.countBy({ attemptId: b.attemptId, enqueuedAt: Not(IsNull()) })).toBe(IN_FLIGHT);
  });
});
