import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AttemptEntity, SubmissionEntity, SubmissionKind } from '@app/domain';
import { errorCode, ok } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * Practice problems (the bank's `practice: true` warm-ups, two-sum and merge-intervals): a
 * candidate may try one before starting an assessment, judged like any submission but tied to
 * no attempt, so it never reaches the score, the results, the shortlist or the timer. And a
 * recruiter cannot score one in an assessment. No worker runs here: the rules act before judging.
 */
describe('practice problems', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let submissions: Repository<SubmissionEntity>;
  let attempts: Repository<AttemptEntity>;

  beforeAll(async () => {
    api = await startApi();
    // Invited, not started: practice comes before the timer.
    story = await assessmentStory(api, 2, 0, [50, 50], false);
    submissions = api.app.get(getRepositoryToken(SubmissionEntity));
    attempts = api.app.get(getRepositoryToken(AttemptEntity));
  }, 120_000);
  afterAll(() => api.close());

  const practise = (token: string, attemptId: string, problemId: string, source = 'function twoSum(nums, target) { return [0, 1]; }') =>
    api.gql(`mutation($i: CodeInput!) { submitPractice(input: $i) { id kind state } }`, { i: { attemptId, problemId, language: 'javascript', source } }, token);

  it('offers the practice problems before the attempt starts, with visible examples only', async () => {
    const [a] = story.candidates;
    const res = ok(
      await api.gql(
        `query($id: ID!) { practiceProblems(attemptId: $id) { slug problemId points examples { name } hiddenTests { category count } } }`,
        { id: a.attemptId },
        a.user.token,
      ),
    ).practiceProblems as { slug: string; problemId: string; points: number; examples: { name: string }[] }[];
    expect(res.map((p) => p.slug)).toEqual(['merge-intervals', 'two-sum']);
    expect(res.every((p) => p.points === 0 && p.examples.length >= 2)).toBe(true);
    expect(res.find((p) => p.slug === 'two-sum')!.problemId).toBe(story.problems['two-sum']);
    const bankView = ok(await api.gql(`query($id: ID!) { problem(id: $id) { practice } }`, { id: story.problems['two-sum'] }, story.recruiter.token));
    expect(bankView.problem.practice).toBe(true);
  });

  it('stores a practice submission outside the attempt: no score, no results, no timer', async () => {
    const [a] = story.candidates;
    const sub = ok(await practise(a.user.token, a.attemptId, story.problems['two-sum'])).submitPractice;
    expect(sub).toMatchObject({ kind: 'PRACTICE', state: 'QUEUED' });
    const stored = await submissions.findOneByOrFail({ id: sub.id });
    expect(stored).toMatchObject({ kind: SubmissionKind.PRACTICE, attemptId: null, problemId: story.problems['two-sum'] });
    // The candidate follows it like any submission of theirs.
    expect(ok(await api.gql(`query($id: ID!) { submission(id: $id) { id kind } }`, { id: sub.id }, a.user.token)).submission).toEqual({ id: sub.id, kind: 'PRACTICE' });
    // The timer has not started, and the attempt knows nothing of it.
    const attempt = await attempts.findOneByOrFail({ id: a.attemptId });
    expect({ status: attempt.status, startedAt: attempt.startedAt, deadline: attempt.deadline }).toEqual({ status: 'INVITED', startedAt: null, deadline: null });
    const mine = ok(await api.gql(`query($id: ID!) { myAttempt(id: $id) { status submissions { id } } }`, { id: a.attemptId }, a.user.token)).myAttempt;
    expect(mine).toEqual({ status: 'INVITED', submissions: [] });
    const results = ok(
      await api.gql(`query($id: ID!) { attemptResults(attemptId: $id) { pointsEarned problems { problemId submissionsCount } } }`, { id: a.attemptId }, story.recruiter.token),
    ).attemptResults;
    expect(results.pointsEarned).toBe(0);
    expect(results.problems.map((p: { submissionsCount: number }) => p.submissionsCount)).toEqual([0, 0]);
    expect(results.problems.map((p: { problemId: string }) => p.problemId)).not.toContain(story.problems['two-sum']);
  });

  it("refuses a scored problem, another candidate's attempt and a finished attempt", async () => {
    const [a, b] = story.candidates;
    const scored = await practise(a.user.token, a.attemptId, story.problems['reconcile-ledgers'], 'function reconcileLedgers() { return {}; }');
    expect(errorCode(scored)).toBe('NOT_FOUND');
    expect(errorCode(await practise(b.user.token, a.attemptId, story.problems['two-sum']))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query($id: ID!) { practiceProblems(attemptId: $id) { slug } }`, { id: a.attemptId }, b.user.token))).toBe('NOT_FOUND');
    // Staff do not practise: the query and the mutation are the candidate's.
    expect(errorCode(await api.gql(`query($id: ID!) { practiceProblems(attemptId: $id) { slug } }`, { id: a.attemptId }, story.recruiter.token))).toBe('FORBIDDEN');
    ok(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: b.token }, b.user.token));
    ok(await api.gql(`mutation($id: ID!) { finishAssessment(attemptId: $id) { id } }`, { id: b.attemptId }, b.user.token));
    const late = await practise(b.user.token, b.attemptId, story.problems['two-sum']);
    expect(errorCode(late)).toBe('FAILED_PRECONDITION');
    expect(late.errors![0].message).toMatch(/practice is offered before and during it/);
  });

  it('refuses a practice problem as a scored problem of an assessment', async () => {
    const res = await api.gql(
      `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`,
      {
        i: {
          jobId: story.jobId,
          title: 'With a warm-up',
          instructions: '',
          durationMinutes: 30,
          problems: [
            { problemId: story.problems['reconcile-ledgers'], points: 50 },
            { problemId: story.problems['merge-intervals'], points: 50 },
          ],
        },
      },
      story.recruiter.token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([
      { field: 'problems.1.problemId', message: 'problem "merge-intervals" is a practice problem; it cannot be scored in an assessment' },
    ]);
  });
});
