import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CLOCK, Clock, createLogger } from '@app/common';
import { Role, StoredTestResult, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { seedRubrics } from '@app/rubrics';
import { JobRanking, PreparedEntry, ShortlistEntry, ShortlistService } from '@app/shortlist';
import { APPLY_ANSWERS, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi, TEST_PASSWORD } from '@app/api-testing';

const RIGHT = (JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as { referenceSolutions: { source: string }[] }).referenceSolutions[0].source;
const SLOW = fs.readFileSync(projectFile('libs/assessments/data/problems/wrong/reconcile-ledgers.slow.js'), 'utf8');
const CODING = ['fundamentals-over-frameworks', 'data-structures-and-algorithms', 'problem-solving-approach', 'practical-coding-experience', 'clean-maintainable-code'];
type TestUser = { id: string; email: string; token: string };

/**
 * The shortlist keeps each job's ranking and updates it from what changed. After each kind of
 * change, the ranking it returns must equal one computed from scratch (nothing shared, not even
 * the calibration), and it must have got there without a full recomputation.
 */
describe('shortlist, kept up to date incrementally', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let subs: Repository<SubmissionEntity>;
  let shortlists: ShortlistService;
  let second: TestUser;
  let rubricId: string;
  let fullBuilds: jest.SpyInstance;

  async function submit(token: string, attemptId: string, source: string, verdict: Partial<SubmissionEntity>): Promise<string> {
    const s = ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source } }, token)).submitSolution;
    // The verdict as a worker writes it (the judge itself is tested elsewhere).
    // simple-json columns (results) hold unknown values, which TypeORM's partial type cannot express.
    await subs.update({ id: s.id }, { state: SubmissionState.FINISHED, finishedAt: new Date(), ...verdict } as QueryDeepPartialEntity<SubmissionEntity>);
    return s.id;
  }

  /** A submitted coding scorecard rating every criterion `rating`, except `notObserved` ("not observed": null). Returns its id. */
  async function scorecard(applicationId: string, interviewer: TestUser, rating: number, notObserved: string[] = []): Promise<string> {
    const iv = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId, interviewerId: interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
        story.recruiter.token,
      ),
    ).scheduleInterview;
    const ratings = CODING.map((criterionKey) => ({ criterionKey, rating: notObserved.includes(criterionKey) ? null : rating, evidence: rating === 1 || rating === 4 ? 'Observed in the live exercise, twice.' : null }));
    return ok(await api.gql(`mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id } }`, { i: { interviewId: iv.id, recommendation: rating >= 3 ? 'YES' : 'NO', ratings, redFlags: [] } }, interviewer.token)).submitScorecard.id;
  }

  /** The kept ranking (as the CSV reads it) equals the one recomputed from scratch, and no full recomputation was needed. */
  async function expectIncrementalEqualsFull(): Promise<ShortlistEntry[]> {
    fullBuilds.mockClear();
    const kept = await shortlists.all(story.jobId);
    expect(fullBuilds).not.toHaveBeenCalled();
    expect(kept).toEqual(await shortlists.recomputedFromScratch(story.jobId));
    return kept;
  }

  const entryOf = (entries: ShortlistEntry[], applicationId: string) => entries.find((e) => e.applicationId === applicationId)!;

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 4, 0);
    await seedRubrics(api.app, { logger: createLogger('silent', 'seed') });
    subs = api.app.get(getRepositoryToken(SubmissionEntity));
    shortlists = api.app.get(ShortlistService);
    second = await api.user(Role.INTERVIEWER);
    rubricId = ok(await api.gql(`{ rubrics { id jobId } }`, {}, story.recruiter.token)).rubrics.find((r: { jobId: string | null }) => !r.jobId).id;
    const [c0, c1, c2] = story.candidates;
    await submit(c0.user.token, c0.attemptId, RIGHT, { verdict: Verdict.ACCEPTED, score: 1 });
    await submit(c1.user.token, c1.attemptId, RIGHT, { verdict: Verdict.WRONG_ANSWER, score: 0.5 });
    // Two interviewers share three candidates, so each one's leniency offset counts (minSharedCandidates 3).
    for (const [c, a, b] of [
      [c0, 3, 4],
      [c1, 2, 3],
      [c2, 2, 4],
    ] as const) {
      await scorecard(c.applicationId, story.interviewer, a);
      await scorecard(c.applicationId, second, b);
    }
    fullBuilds = jest.spyOn(shortlists as unknown as { build: () => Promise<unknown> }, 'build');
    await shortlists.all(story.jobId);
  }, 600_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.close();
  });

  it('starts from a full computation that applied calibration', async () => {
    const kept = await expectIncrementalEqualsFull();
    const c0 = entryOf(kept, story.candidates[0].applicationId);
    expect(c0.adjustments.filter((a) => a.kind === 'CALIBRATION' && a.applied)).toHaveLength(2);
  });

  it('a new verdict: the candidate moves, nothing else is re-read', async () => {
    const c2 = story.candidates[2];
    const before = entryOf(await shortlists.all(story.jobId), c2.applicationId);
    await submit(c2.user.token, c2.attemptId, RIGHT, { verdict: Verdict.ACCEPTED, score: 1 });
    const after = entryOf(await expectIncrementalEqualsFull(), c2.applicationId);
    expect(after.components.find((c) => c.name === 'assessment')!.value).toBe(0.5);
    expect(after.score!).toBeGreaterThan(before.score!);
  });

  it('a submitted scorecard: its candidate, and every candidate whose interviewers it re-calibrates', async () => {
    const c3 = story.candidates[3];
    const before = await shortlists.all(story.jobId);
    await scorecard(c3.applicationId, story.interviewer, 1);
    await scorecard(c3.applicationId, second, 4);
    const after = await expectIncrementalEqualsFull();
    expect(entryOf(after, c3.applicationId).missing).not.toContain('interview');
    // A fourth shared candidate moved both interviewers' offsets: the other candidates' scores were recomputed too.
    const c0 = story.candidates[0].applicationId;
    const cal = (es: ShortlistEntry[]) => entryOf(es, c0).adjustments.filter((a) => a.kind === 'CALIBRATION').map((a) => a.sharedCandidates);
    expect(cal(before)).toEqual([3, 3]);
    expect(cal(after)).toEqual([4, 4]);
  });

  it("scorecards: a third interviewer's first, criteria not observed, an amendment: only calibration's arithmetic re-runs for the others", async () => {
    const [c0, c1, c2] = story.candidates;
    const third = await api.user(Role.INTERVIEWER);
    /** The applications whose kept calibration-free parts were prepared again since `before` (the others only re-ran the calibration's arithmetic). */
    const prepared = () => new Map((shortlists as unknown as { cache: Map<string, JobRanking> }).cache.get(story.jobId)!.prepared);
    const reprepared = (before: Map<string, PreparedEntry>) => [...prepared()].filter(([id, p]) => before.get(id) !== p).map(([id]) => id);
    // A first scorecard: a new calibration entry (one shared candidate), and both others' offsets move (c0 has a third rater).
    let before = prepared();
    await scorecard(c0.applicationId, third, 4, ['clean-maintainable-code']);
    let kept = await expectIncrementalEqualsFull();
    expect(entryOf(kept, c0.applicationId).adjustments.filter((a) => a.kind === 'CALIBRATION').map((a) => a.interviewerId)).toContain(third.id);
    expect(reprepared(before)).toEqual([c0.applicationId]);
    // Criteria nobody observed for a candidate are reported as missing evidence.
    before = prepared();
    await scorecard(c2.applicationId, third, 2, ['clean-maintainable-code', 'practical-coding-experience']);
    kept = await expectIncrementalEqualsFull();
    expect(reprepared(before)).toEqual([c2.applicationId]);
    // An amendment: the same scorecard at its next version moves the interviewer's sums by its delta.
    const card = ok(await api.gql(`query($a: ID!) { scorecards(applicationId: $a) { id interviewer { id } } }`, { a: c1.applicationId }, story.recruiter.token)).scorecards.find(
      (x: { interviewer: { id: string } }) => x.interviewer.id === second.id,
    );
    const ratings = CODING.map((criterionKey) => ({ criterionKey, rating: 1, evidence: 'Observed in the live exercise, twice.' }));
    ok(await api.gql(`mutation($i: AmendScorecardInput!) { amendScorecard(input: $i) { id } }`, { i: { scorecardId: card.id, reason: 'Mixed up two candidates', ratings, recommendation: 'NO', redFlags: [] } }, second.token));
    const scoreBefore = entryOf(kept, c1.applicationId).score;
    before = prepared();
    kept = await expectIncrementalEqualsFull();
    expect(entryOf(kept, c1.applicationId).score).not.toBe(scoreBefore);
    expect(reprepared(before)).toEqual([c1.applicationId]);
  });

  it('an interviewer renamed: the next read names them', async () => {
    const admin = await api.user(Role.ADMIN);
    ok(await api.gql(`mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { name } }`, { id: second.id, i: { name: 'Grace Renamed' } }, admin.token));
    const kept = await expectIncrementalEqualsFull();
    const named = kept.flatMap((e) => e.adjustments.filter((a) => a.interviewerId === second.id).map((a) => a.interviewerName));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set(['Grace Renamed']));
  });

  it('a stage change and a withdrawal', async () => {
    const [c0, , , c3] = story.candidates;
    ok(await api.gql(`mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { stage } }`, { i: { applicationId: c0.applicationId, to: 'SHORTLISTED', reason: 'Top' } }, story.recruiter.token));
    ok(await api.gql(`mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { stage } }`, { i: { applicationId: c3.applicationId, to: 'WITHDRAWN' } }, c3.user.token));
    const kept = await expectIncrementalEqualsFull();
    expect(entryOf(kept, c0.applicationId).stage).toBe('SHORTLISTED');
    expect(entryOf(kept, c3.applicationId).stage).toBe('WITHDRAWN');
  });

  it('a policy change recomputes every entry', async () => {
    ok(
      await api.gql(
        `mutation($job: ID!, $i: ShortlistPolicyInput!) { updateShortlistPolicy(jobId: $job, input: $i) { minSharedCandidates } }`,
        { job: story.jobId, i: { weights: { skills: 0.1, assessment: 0.6, interview: 0.3 }, minSharedCandidates: 5 } },
        story.recruiter.token,
      ),
    );
    const kept = await expectIncrementalEqualsFull();
    expect(kept.every((e) => e.adjustments.every((a) => a.kind !== 'CALIBRATION' || !a.applied))).toBe(true);
  });

  it('shows correctness and performance apart per problem: correct but too slow on large inputs', async () => {
    const c1 = story.candidates[1];
    // What the judge stores for the naive solution (wrong/reconcile-ledgers.slow.js): every case right, the performance tests out of time.
    const results: StoredTestResult[] = [
      { name: 'example', category: 'basic', status: Verdict.ACCEPTED, timeMs: 2, hidden: false, weight: 1 },
      { name: 'duplicates', category: 'edge', status: Verdict.ACCEPTED, timeMs: 2, hidden: true, weight: 2 },
      { name: 'large', kind: 'performance', size: 'n = 40000', status: Verdict.TIME_LIMIT_EXCEEDED, timeMs: 0, hidden: true, weight: 1 },
      { name: 'largest', kind: 'performance', size: 'n = 40000', status: Verdict.TIME_LIMIT_EXCEEDED, timeMs: 0, hidden: true, weight: 1 },
    ];
    await submit(c1.user.token, c1.attemptId, SLOW, { verdict: Verdict.TIME_LIMIT_EXCEEDED, score: 0.6, passed: 2, total: 4, results });
    const kept = await expectIncrementalEqualsFull();
    const slow = entryOf(kept, c1.applicationId);
    const problem = slow.assessmentProblems.find((p) => p.problemId === story.problems['reconcile-ledgers'])!;
    expect(problem).toMatchObject({ pointsEarned: 30, verdict: 'TIME_LIMIT_EXCEEDED', correctness: 1, performance: 0, explanation: 'correct on all cases; too slow on large inputs (n = 40000): a higher time complexity than intended suspected' });
    // Through the API: the field, and the assessment component's explanation.
    const page = ok(
      await api.gql(
        `query($job: ID!) { shortlist(jobId: $job, first: 50) { entries { applicationId components { name detail } assessmentProblems { title points pointsEarned correctness performance explanation verdict } } } }`,
        { job: story.jobId },
        story.recruiter.token,
      ),
    ).shortlist.entries.find((e: { applicationId: string }) => e.applicationId === c1.applicationId);
    expect(page.assessmentProblems).toContainEqual(expect.objectContaining({ correctness: 1, performance: 0, explanation: expect.stringContaining('too slow on large inputs (n = 40000)') }));
    expect(page.components.find((c: { name: string }) => c.name === 'assessment').detail).toMatch(/By problem: .*30 of 50 points, correctness 1\.00, performance 0\.00 \(correct on all cases; too slow on large inputs \(n = 40000\)/);
    const csv = await (await fetch(`${api.url}/jobs/${story.jobId}/shortlist.csv`, { headers: { authorization: `Bearer ${story.recruiter.token}` } })).text();
    expect(csv).toContain('correctness 1.00, performance 0.00 (correct on all cases; too slow on large inputs (n = 40000)');
  });
  it('an erased candidate: the next read shows "Erased candidate" and no email', async () => {
    const c2 = story.candidates[2];
    expect(entryOf(await shortlists.all(story.jobId), c2.applicationId).name).not.toBe('Erased candidate');
    ok(await api.gql(`mutation($i: EraseMyAccountInput!) { eraseMyAccount(input: $i) { erasedAt } }`, { i: { confirm: c2.user.email, password: TEST_PASSWORD } }, c2.user.token));
    expect(entryOf(await expectIncrementalEqualsFull(), c2.applicationId)).toMatchObject({ name: 'Erased candidate', email: null, links: [] });
  });

  // Last: time only moves forward, and the candidates' attempts are over once it has.
  it('an invitation expiring unstarted, with no write at all: "not taken" once its time has passed', async () => {
    const user = await api.user(Role.CANDIDATE);
    const app = ok(
      await api.gql(
        `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
        {
          i: {
            jobId: story.jobId,
            profile: { name: 'Late', email: user.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [{ name: 'Node.js', level: 4 }] },
            answers: APPLY_ANSWERS,
            resume: 'x',
          },
        },
        user.token,
      ),
    ).applyToJob;
    ok(await api.gql(`mutation($i: InviteInput!) { inviteToAssessment(input: $i) { token } }`, { i: { assessmentId: story.assessmentId, applicationId: app.id, expiresInDays: 3 } }, story.recruiter.token));
    expect(entryOf(await expectIncrementalEqualsFull(), app.id)).toMatchObject({ awaitingEvidence: true });
    const clock = api.app.get<Clock>(CLOCK);
    const later = new Date(Date.now() + 4 * 86_400_000);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(later);
    try {
      const late = entryOf(await expectIncrementalEqualsFull(), app.id);
      expect(late.components.find((c) => c.name === 'assessment')).toMatchObject({ value: 0, detail: expect.stringContaining('not taken') });
    } finally {
      spy.mockRestore();
    }
  });
});
