import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IDEMPOTENCY_KEY_MAX } from '@app/assessments';
import { SubmissionEntity, SubmissionKind } from '@app/domain';
import { errorCode, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * Clients retry: a request that timed out may have been stored. submitSolution and runCode take
 * an idempotency key; a retry with the same key (same candidate, same attempt) returns the first
 * submission, however many retries race, and the same key with other code is refused.
 */
const reconcile = JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as {
  referenceSolutions: { language: string; source: string }[];
};
const SOURCE = reconcile.referenceSolutions.find((r) => r.language === 'javascript')!.source;

describe('idempotency keys on submitSolution and runCode', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let submissions: Repository<SubmissionEntity>;

  beforeAll(async () => {
    // The limit is the default's: ten racing retries must not spend the candidate's submissions.
    api = await startApi({ JUDGE_SUBMISSIONS_PER_MINUTE: '10', JUDGE_RUNS_PER_MINUTE: '20' });
    story = await assessmentStory(api, 3, 0);
    submissions = api.app.get(getRepositoryToken(SubmissionEntity));
  }, 120_000);
  afterAll(() => api.close());

  const submit = (token: string, attemptId: string, idempotencyKey: string | null, source = SOURCE) =>
    api.gql<{ submitSolution: { id: string; state: string } }>(
      `mutation($i: CodeInput!, $k: String) { submitSolution(input: $i, idempotencyKey: $k) { id state } }`,
      { i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source }, k: idempotencyKey },
      token,
    );
  const stored = (attemptId: string, kind = SubmissionKind.SUBMISSION) => submissions.countBy({ attemptId, kind });

  it('a sequential retry with the same key returns the first submission; without a key each call stores one', async () => {
    const c = story.candidates[0];
    const first = ok(await submit(c.user.token, c.attemptId, 'key-1')).submitSolution;
    const again = ok(await submit(c.user.token, c.attemptId, 'key-1')).submitSolution;
    expect(again.id).toBe(first.id);
    expect(await stored(c.attemptId)).toBe(1);
    const other = ok(await submit(c.user.token, c.attemptId, 'key-2')).submitSolution;
    expect(other.id).not.toBe(first.id);
    ok(await submit(c.user.token, c.attemptId, null));
    ok(await submit(c.user.token, c.attemptId, null));
    expect(await stored(c.attemptId)).toBe(4);
  });

  it('10 parallel retries with one key store exactly one submission and all answer it', async () => {
    const c = story.candidates[1];
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(c.user.token, c.attemptId, 'racing-key')));
    const ids = answers.map((a) => ok(a).submitSolution.id);
    expect(new Set(ids).size).toBe(1);
    expect(await stored(c.attemptId)).toBe(1);
    const row = await submissions.findOneByOrFail({ id: ids[0] });
    expect(row.idempotencyKey).toBe('racing-key');
    // The retries cost the candidate nothing: nine more submissions still fit the 10 a minute.
    const more = await Promise.all(Array.from({ length: 9 }, (_, i) => submit(c.user.token, c.attemptId, `more-${i}`)));
    for (const m of more) ok(m);
  });

  it('the same key with different code answers IDEMPOTENCY_KEY_REUSED and stores nothing', async () => {
    const c = story.candidates[2];
    const first = ok(await submit(c.user.token, c.attemptId, 'k')).submitSolution;
    const res = await submit(c.user.token, c.attemptId, 'k', `${SOURCE}\n// changed`);
    expect(errorCode(res)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(res.errors![0].extensions!.submissionId).toBe(first.id);
    expect(await stored(c.attemptId)).toBe(1);
  });

  it('keys are per candidate and attempt: another candidate may use the same key', async () => {
    const [a, , b] = story.candidates; // the second spent its minute of submissions above
    const mine = ok(await submit(a.user.token, a.attemptId, 'shared-key')).submitSolution;
    const theirs = ok(await submit(b.user.token, b.attemptId, 'shared-key')).submitSolution;
    expect(theirs.id).not.toBe(mine.id);
    // Someone else's attempt with a key they used: NOT_FOUND, never their submission.
    expect(errorCode(await submit(b.user.token, a.attemptId, 'shared-key'))).toBe('NOT_FOUND');
  });

  it('runCode takes a key too; a run and a submission never answer for each other', async () => {
    const c = story.candidates[0];
    const run = (k: string) =>
      api.gql<{ runCode: { id: string } }>(
        `mutation($i: RunCodeInput!, $k: String) { runCode(input: $i, idempotencyKey: $k) { id } }`,
        { i: { attemptId: c.attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: SOURCE, customInput: { args: [[['pay_1', 1500]], [['pay_1', 1500]]] } }, k },
        c.user.token,
      );
    const answers = await Promise.all(Array.from({ length: 5 }, () => run('run-key')));
    expect(new Set(answers.map((a) => ok(a).runCode.id)).size).toBe(1);
    expect(await stored(c.attemptId, SubmissionKind.RUN)).toBe(1);
    // key-1 names a submission of this attempt: as a run it is a different request.
    expect(errorCode(await run('key-1'))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a malformed key as BAD_USER_INPUT', async () => {
    const c = story.candidates[0];
    const res = await submit(c.user.token, c.attemptId, 'x'.repeat(IDEMPOTENCY_KEY_MAX + 1));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorCode(await submit(c.user.token, c.attemptId, 'has space'))).toBe('BAD_USER_INPUT');
  });
});
