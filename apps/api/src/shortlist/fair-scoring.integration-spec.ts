import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UsersService } from '@app/auth';
import { createLogger } from '@app/common';
import { AttemptEntity, Role, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { seedRubrics } from '@app/rubrics';
import { APPLY_ANSWERS, errorCode, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi, TestUser } from '@app/api-testing';

/**
 * The scoring rules of issue 14 through the real API and database: skipping does not pay
 * (an expired invitation is "not taken", 0), a pending one waits apart, "not observed" is missing
 * evidence, a red flag ticked twice counts once, STRONG_NO shows, and explanations name interviewers.
 */
const RIGHT = (
  JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as { referenceSolutions: { language: string; source: string }[] }
).referenceSolutions.find((r) => r.language === 'javascript')!.source;
const ENTRY = `rank applicationId score ranked awaitingEvidence missing notObserved explanation redFlagCount
  components { name value detail } adjustments { kind amount applied flag raisedBy interviewerName interviewKind description }`;
const CODING = ['fundamentals-over-frameworks', 'data-structures-and-algorithms', 'problem-solving-approach', 'practical-coding-experience', 'clean-maintainable-code'];

interface Entry {
  rank: number | null;
  applicationId: string;
  score: number | null;
  awaitingEvidence: boolean;
  notObserved: string[];
  explanation: string;
  redFlagCount: number;
  components: { name: string; value: number | null; detail: string }[];
  adjustments: { kind: string; amount: number; flag: string | null; raisedBy: number | null; description: string }[];
}

describe('fair scoring (shortlist)', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let attempts: Repository<AttemptEntity>;
  let second: TestUser;
  let skipper: { applicationId: string; token: string; user: TestUser };
  let pending: { applicationId: string };
  let entries: Entry[];
  const byApp = (id: string): Entry => entries.find((e) => e.applicationId === id)!;
  const nameOf = async (id: string): Promise<string> => (await api.app.get(UsersService).findById(id))!.name;

  async function applyAndInvite(i: number): Promise<{ applicationId: string; token: string; user: TestUser }> {
    const user = await api.user(Role.CANDIDATE);
    const app = ok(
      await api.gql(
        `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
        {
          i: {
            jobId: story.jobId,
            profile: { name: `Late ${i}`, email: user.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [{ name: 'Node.js', level: 4 }] },
            answers: APPLY_ANSWERS,
            resume: 'Student building REST APIs in Node.js with PostgreSQL.',
          },
        },
        user.token,
      ),
    ).applyToJob;
    const inv = ok(
      await api.gql(`mutation($i: InviteInput!) { inviteToAssessment(input: $i) { token attempt { id invitationExpiresAt } } }`, { i: { assessmentId: story.assessmentId, applicationId: app.id, expiresInDays: 3 } }, story.recruiter.token),
    ).inviteToAssessment;
    expect(new Date(inv.attempt.invitationExpiresAt).getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
    return { applicationId: app.id, token: inv.token, user };
  }

  async function scorecard(applicationId: string, interviewer: TestUser, ratings: { criterionKey: string; rating: number | null; evidence?: string }[], extra: Record<string, unknown> = {}) {
    const rubricId = ok(await api.gql(`{ rubrics { id jobId } }`, {}, story.recruiter.token)).rubrics.find((r: { jobId: string | null }) => !r.jobId).id;
    const iv = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId, interviewerId: interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
        story.recruiter.token,
      ),
    ).scheduleInterview;
    return api.gql(`mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id ratings { criterionKey rating } } }`, { i: { interviewId: iv.id, recommendation: 'YES', redFlags: [], ratings, ...extra } }, interviewer.token);
  }

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 2, 0);
    await seedRubrics(api.app, { logger: createLogger('silent', 'seed') });
    attempts = api.app.get(getRepositoryToken(AttemptEntity));
    second = await api.user(Role.INTERVIEWER);
    const subs: Repository<SubmissionEntity> = api.app.get(getRepositoryToken(SubmissionEntity));
    // Candidate 0 fails: 20% of reconcile-ledgers (50 points) = 10 of 100. Candidate 1 starts and submits nothing.
    const c0 = story.candidates[0];
    const s = ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId: c0.attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: RIGHT } }, c0.user.token)).submitSolution;
    await subs.update({ id: s.id }, { state: SubmissionState.FINISHED, verdict: Verdict.WRONG_ANSWER, score: 0.2, finishedAt: new Date() });
    skipper = await applyAndInvite(1);
    pending = await applyAndInvite(2);
    // The skipper's invitation lapsed unstarted (as if three days had passed).
    await attempts.update({ applicationId: skipper.applicationId }, { invitationExpiresAt: new Date(Date.now() - 60_000) });

    const [c1] = [story.candidates[1]];
    const flag = [{ key: 'resistance-to-feedback', evidence: 'Dismissed the hint about empty input twice.' }];
    // Candidate 1: two interviewers tick the same flag; the second recommends STRONG_NO and did not observe one criterion.
    ok(await scorecard(c1.applicationId, story.interviewer, CODING.map((criterionKey) => ({ criterionKey, rating: 2 })), { redFlags: flag, recommendation: 'NO' }));
    const partial = ok(
      await scorecard(
        c1.applicationId,
        second,
        CODING.map((criterionKey, i) => ({ criterionKey, rating: i === 0 ? null : 2 })),
        { redFlags: flag, recommendation: 'STRONG_NO' },
      ),
    ).submitScorecard;
    expect(partial.ratings[0]).toEqual({ criterionKey: CODING[0], rating: null });
    entries = ok(await api.gql(`query($job: ID!) { shortlist(jobId: $job) { entries { ${ENTRY} } } }`, { job: story.jobId }, story.recruiter.token)).shortlist.entries;
  }, 600_000);
  afterAll(() => api.close());

  it('scores an invitation not taken by its expiry 0 ("not taken"), below a candidate who started and failed', () => {
    const failer = byApp(story.candidates[0].applicationId);
    const skipped = byApp(skipper.applicationId);
    expect(failer.components.find((c) => c.name === 'assessment')!.value).toBe(0.1);
    expect(skipped.components.find((c) => c.name === 'assessment')).toMatchObject({ value: 0, detail: expect.stringContaining('not taken') });
    expect(skipped.explanation).toContain('Assessment not taken by its deadline: counts 0');
    expect(skipped.rank).not.toBeNull();
    expect(failer.rank).not.toBeNull();
    expect(skipped.score!).toBeLessThan(failer.score!);
    expect(skipped.rank!).toBeGreaterThan(failer.rank!);
  });

  it('lists a candidate whose invitation is still open apart, as awaiting evidence, after every ranked one', () => {
    const waiting = byApp(pending.applicationId);
    expect(waiting).toMatchObject({ rank: null, awaitingEvidence: true, missing: ['assessment', 'interview'] });
    expect(waiting.explanation).toContain('Awaiting evidence: requires assessment');
    expect(entries.at(-1)!.applicationId).toBe(pending.applicationId);
    expect(entries.filter((e) => e.rank !== null)).toHaveLength(3);
  });

  it('refuses to start an expired invitation', async () => {
    expect(errorCode(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: skipper.token }, skipper.user.token))).toBe('FAILED_PRECONDITION');
  });

  it('counts a flag ticked by two interviewers once, shows STRONG_NO, names the interviewers and reports "not observed" as missing evidence', async () => {
    const e = byApp(story.candidates[1].applicationId);
    expect(e.redFlagCount).toBe(1);
    const flags = e.adjustments.filter((a) => a.kind === 'RED_FLAG');
    expect(flags).toEqual([expect.objectContaining({ flag: 'resistance-to-feedback', raisedBy: 2 })]);
    const [first, other] = [await nameOf(story.interviewer.id), await nameOf(second.id)];
    expect(flags[0].description).toContain(`${first}, ${other}`);
    expect(flags[0].description).not.toContain(second.id);
    expect(e.adjustments.filter((a) => a.kind === 'STRONG_NO')).toEqual([expect.objectContaining({ amount: 0, raisedBy: 1 })]);
    expect(e.explanation).toContain(`STRONG_NO from ${other}`);
    // The first criterion was rated 2 by one interviewer: observed. Every criterion is 2 (1/3).
    expect(e.notObserved).toEqual([]);
    expect(e.components.find((c) => c.name === 'interview')!.value).toBeCloseTo(1 / 3, 4);
  });

  it('leaves a criterion nobody observed out of the interview mean', async () => {
    const c0 = story.candidates[0];
    // All 4 but one criterion not observed: the mean is 1.0, not 0.8 (a zero would pull it down).
    ok(await scorecard(c0.applicationId, second, CODING.map((criterionKey, i) => ({ criterionKey, rating: i === 0 ? null : 4, evidence: i === 0 ? undefined : 'Clear, tested, explained.' }))));
    const e = (ok(await api.gql(`query($job: ID!) { shortlist(jobId: $job) { entries { ${ENTRY} } } }`, { job: story.jobId }, story.recruiter.token)).shortlist.entries as Entry[]).find(
      (x) => x.applicationId === c0.applicationId,
    )!;
    expect(e.components.find((c) => c.name === 'interview')!.value).toBe(1);
    expect(e.notObserved).toEqual([`CODING_FUNDAMENTALS:${CODING[0]}`]);
    expect(e.explanation).toContain(`Not observed (missing evidence, not zero): CODING_FUNDAMENTALS:${CODING[0]}`);
  });
});
