import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { createLogger } from '@app/common';
import { SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { seedRubrics } from '@app/rubrics';
import { ok } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * Assessment points come from one rule (@app/assessments points.ts) in every view: the
 * recruiter's attempt results, the interviewer's results and the shortlist read the same
 * numbers. Two problems at 0.3333 x 7 points once gave 4.66 in one view and 4.67 in another.
 */
describe('assessment points agree across views', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let subs: Repository<SubmissionEntity>;
  let interviewId: string;
  let ledgersId: string;

  /** A scored submission, judged as a worker would write it (the judge itself is tested elsewhere). */
  async function judged(slug: string, score: number): Promise<string> {
    const [c] = story.candidates;
    const s = ok(
      await api.gql(
        `mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`,
        { i: { attemptId: c.attemptId, problemId: story.problems[slug], language: 'javascript', source: `// ${slug} ${score}` } },
        c.user.token,
      ),
    ).submitSolution;
    await subs.update({ id: s.id }, { state: SubmissionState.FINISHED, verdict: score === 1 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER, score, finishedAt: new Date() });
    return s.id as string;
  }

  const shortlistAssessment = async () => {
    const entries = ok(
      await api.gql(`query($job: ID!) { shortlist(jobId: $job) { entries { applicationId components { name value detail } } } }`, { job: story.jobId }, story.recruiter.token),
    ).shortlist.entries as { applicationId: string; components: { name: string; value: number | null; detail: string }[] }[];
    expect(entries.map((e) => e.applicationId)).toEqual([story.candidates[0].applicationId]);
    return entries[0].components.find((c) => c.name === 'assessment')!;
  };
  const attemptResults = async () =>
    ok(
      await api.gql(
        `query($id: ID!) { attemptResults(attemptId: $id) { pointsEarned pointsPossible score problems { points bestScore pointsEarned } } }`,
        { id: story.candidates[0].attemptId },
        story.recruiter.token,
      ),
    ).attemptResults;
  const interviewerResults = async () =>
    ok(
      await api.gql(
        `query($id: ID!) { interview(id: $id) { assessmentResults { pointsEarned pointsPossible score problems { points bestScore pointsEarned } } } }`,
        { id: interviewId },
        story.interviewer.token,
      ),
    ).interview.assessmentResults;

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 1, 0, [7, 7]);
    await seedRubrics(api.app, { logger: createLogger('silent', 'seed') });
    subs = api.app.get(getRepositoryToken(SubmissionEntity));
    const [c] = story.candidates;
    ledgersId = await judged('reconcile-ledgers', 0.3333);
    await judged('aggregate-request-logs', 0.25);
    await judged('aggregate-request-logs', 0.3333);
    ok(await api.gql(`mutation($id: ID!) { finishAssessment(attemptId: $id) { id } }`, { id: c.attemptId }, c.user.token));
    const rubricId = ok(await api.gql(`{ rubrics { id jobId } }`, {}, story.recruiter.token)).rubrics.find((r: { jobId: string | null }) => !r.jobId).id;
    interviewId = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId: c.applicationId, interviewerId: story.interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
        story.recruiter.token,
      ),
    ).scheduleInterview.id;
  }, 300_000);
  afterAll(() => api.close());

  it('two problems at 0.3333 x 7 points earn 2.33 each and 4.66 in the attempt results, the interviewer view and the shortlist', async () => {
    const row = { points: 7, bestScore: 0.3333, pointsEarned: 2.33 };
    const expected = { pointsEarned: 4.66, pointsPossible: 14, score: 0.3329, problems: [row, row] };
    expect(await attemptResults()).toEqual(expected);
    expect(await interviewerResults()).toEqual([expected]);
    const assessment = await shortlistAssessment();
    // The total, then each problem's own points (issue 13's per-problem outcomes follow "By problem").
    expect(assessment.detail).toMatch(/^4\.66 of 14 points\. By problem: Reconcile Two Payment Ledgers: 2\.33 of 7 points, .*; Aggregate Request Logs: 2\.33 of 7 points, /);
    expect(assessment.value).toBeCloseTo(4.66 / 14, 4); // 0.3329 as the API rounds it; 4.67 would give 0.3336
  });

  it('a rejudged submission moves every view alike, the cached shortlist included', async () => {
    await shortlistAssessment(); // the ranking is cached now
    // The attempt is finished, so no new submission: the reconcile-ledgers one judged again, now accepted.
    await subs.update({ id: ledgersId }, { verdict: Verdict.ACCEPTED, score: 1, finishedAt: new Date(Date.now() + 1000) });
    expect((await attemptResults()).pointsEarned).toBe(9.33);
    expect((await interviewerResults())[0].pointsEarned).toBe(9.33);
    expect((await shortlistAssessment()).detail).toMatch(/^9\.33 of 14 points\. By problem: Reconcile Two Payment Ledgers: 7 of 7 points, .*; Aggregate Request Logs: 2\.33 of 7 points, /);
  });
});
