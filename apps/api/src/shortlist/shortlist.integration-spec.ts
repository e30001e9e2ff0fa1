import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { createLogger } from '@app/common';
import { Role, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { seedRubrics } from '@app/rubrics';
import { APPLY_ANSWERS, errorCode, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

const RIGHT = (JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as { referenceSolutions: { source: string }[] }).referenceSolutions[0].source;
const ENTRY = `rank applicationId name email anonymized stage score baseScore confidence missing demoted ranked explanation redFlagCount recommendations
  components { name present value weight effectiveWeight } adjustments { kind amount applied severity flag }`;
const CODING = ['fundamentals-over-frameworks', 'data-structures-and-algorithms', 'problem-solving-approach', 'practical-coding-experience', 'clean-maintainable-code'];

describe('shortlist', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let subs: Repository<SubmissionEntity>;
  let knockedOutId: string;
  const q = (token: string, vars: Record<string, unknown> = {}) =>
    api.gql(`query($job: ID!, $first: Int, $after: String, $filter: ShortlistFilterInput) { shortlist(jobId: $job, first: $first, after: $after, filter: $filter) { totalCount hasNextPage endCursor entries { ${ENTRY} } } }`, { job: story.jobId, ...vars }, token);

  async function judged(token: string, attemptId: string, score: number): Promise<void> {
    const s = ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: RIGHT } }, token)).submitSolution;
    // The verdict as a worker would write it (the judge itself is tested elsewhere).
    await subs.update({ id: s.id }, { state: SubmissionState.FINISHED, verdict: score === 1 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER, score, finishedAt: new Date() });
  }

  async function scorecard(applicationId: string, interviewer: { id: string; token: string }, rating: number, redFlags: { key: string; evidence: string }[] = []) {
    const rubricId = ok(await api.gql(`{ rubrics { id name jobId } }`, {}, story.recruiter.token)).rubrics.find((r: { jobId: string | null }) => !r.jobId).id;
    const iv = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId, interviewerId: interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
        story.recruiter.token,
      ),
    ).scheduleInterview;
    const ratings = CODING.map((criterionKey) => ({ criterionKey, rating, evidence: rating === 1 || rating === 4 ? 'Observed in the live exercise, twice.' : null }));
    ok(await api.gql(`mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id } }`, { i: { interviewId: iv.id, recommendation: rating >= 3 ? 'YES' : 'NO', ratings, redFlags } }, interviewer.token));
  }

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 3, 0);
    await seedRubrics(api.app, { logger: createLogger('silent', 'seed') });
    subs = api.app.get(getRepositoryToken(SubmissionEntity));
    const [c0, c1] = story.candidates;
    await judged(c0.user.token, c0.attemptId, 1);
    await judged(c1.user.token, c1.attemptId, 0.5);
    await scorecard(c0.applicationId, story.interviewer, 3);
    await scorecard(c1.applicationId, story.interviewer, 2, [{ key: 'resistance-to-feedback', evidence: 'Dismissed the hint about empty input twice.' }]);
    const ko = await api.user(Role.CANDIDATE);
    knockedOutId = ok(
      await api.gql(
        `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage } }`,
        {
          i: {
            jobId: story.jobId,
            profile: { name: 'Knocked Out', email: ko.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [{ name: 'Node.js', level: 5 }] },
            answers: APPLY_ANSWERS.map((a) => (a.questionKey === 'work-authorization' ? { ...a, value: 'false' } : a)),
            resume: 'x',
          },
        },
        ko.token,
      ),
    ).applyToJob.id;
    // The knock-out waits in the review queue until a recruiter confirms it.
    ok(await api.gql(`mutation($i: ConfirmRejectionsInput!) { confirmRejections(input: $i) { id } }`, { i: { applicationIds: [knockedOutId] } }, story.recruiter.token));
  }, 180_000);
  afterAll(() => api.close());

  it('ranks by the composite, explains every entry, and never lists a knock-out rejection', async () => {
    const [c0, c1, c2] = story.candidates;
    const page = ok(await q(story.recruiter.token)).shortlist;
    expect(page.totalCount).toBe(3);
    expect(page.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([c0.applicationId, c1.applicationId, c2.applicationId]);
    expect(page.entries.map((e: { applicationId: string }) => e.applicationId)).not.toContain(knockedOutId);
    const [e0, e1, e2] = page.entries;
    const value = (e: { components: { name: string; value: number | null }[] }, n: string) => e.components.find((c) => c.name === n)!.value;
    // reconcile-ledgers is worth 50 of 100 points: a perfect reconcile-ledgers and nothing else is 0.5.
    expect(value(e0, 'assessment')).toBe(0.5);
    expect(value(e1, 'assessment')).toBe(0.25);
    expect(value(e2, 'assessment')).toBe(0);
    expect(value(e0, 'interview')).toBeCloseTo(2 / 3, 4); // all criteria rated 3
    expect(value(e1, 'interview')).toBeCloseTo(1 / 3, 4); // all rated 2
    // The arithmetic of the score is the one printed.
    const expected0 = 0.15 * value(e0, 'skills')! + 0.45 * 0.5 + 0.4 * (2 / 3);
    expect(e0.score).toBeCloseTo(expected0, 3);
    expect(e0.explanation).toContain(`= ${expected0.toFixed(3)}`);
    expect(e0).toMatchObject({ rank: 1, confidence: 'HIGH', missing: [], recommendations: ['YES'] });
    // The red flag costs its severity's penalty and says so.
    const flag = e1.adjustments.find((a: { kind: string }) => a.kind === 'RED_FLAG');
    expect(flag).toMatchObject({ flag: 'resistance-to-feedback', applied: true });
    expect(e1.score).toBeCloseTo(e1.baseScore - flag.amount, 4);
    expect(e2).toMatchObject({ rank: 3, missing: ['interview'], confidence: 'MEDIUM' });
  });

  it('paginates with cursors and filters by stage, score and evidence', async () => {
    const first = ok(await q(story.recruiter.token, { first: 2 })).shortlist;
    expect(first.entries).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = ok(await q(story.recruiter.token, { first: 2, after: first.endCursor })).shortlist;
    expect(second.entries.map((e: { rank: number }) => e.rank)).toEqual([3]);
    expect(second.hasNextPage).toBe(false);
    const withInterview = ok(await q(story.recruiter.token, { filter: { requireComponents: ['interview'] } })).shortlist;
    expect(withInterview.totalCount).toBe(2);
    const interviewing = ok(await q(story.recruiter.token, { filter: { stages: ['INTERVIEW'] } })).shortlist;
    expect(interviewing.entries.every((e: { stage: string }) => e.stage === 'INTERVIEW')).toBe(true);
    expect(errorCode(await q(story.recruiter.token, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  it('runs the same number of SQL statements whatever the page size', async () => {
    const ds = api.app.get(DataSource);
    let calls = 0;
    const count = async (first: number) => {
      // A policy change invalidates the cached ranking, so each call recomputes it.
      ok(await api.gql(`mutation($job: ID!, $i: ShortlistPolicyInput!) { updateShortlistPolicy(jobId: $job, input: $i) { minSharedCandidates } }`, { job: story.jobId, i: { weights: { skills: 0.15, assessment: 0.45, interview: 0.4 }, minSharedCandidates: 3 + ++calls } }, story.recruiter.token));
      let n = 0;
      const logger = ds.logger;
      (ds as unknown as { logger: unknown }).logger = { ...logger, logQuery: () => void n++, logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined };
      try {
        ok(await q(story.recruiter.token, { first }));
      } finally {
        (ds as unknown as { logger: unknown }).logger = logger;
      }
      return n;
    };
    // The fewest of two calls: a statement that only a cold cache issues (the account-status
    // cache expiring on a loaded machine) is not one the page size causes.
    const small = Math.min(await count(1), await count(1));
    const large = Math.min(await count(50), await count(50));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });

  it('applies the job policy: required components, and DEMOTE for red flags', async () => {
    const set = (i: Record<string, unknown>) =>
      api.gql(`mutation($job: ID!, $i: ShortlistPolicyInput!) { updateShortlistPolicy(jobId: $job, input: $i) { requireComponents redFlagMode } }`, { job: story.jobId, i: { weights: { skills: 0.15, assessment: 0.45, interview: 0.4 }, ...i } }, story.recruiter.token);
    ok(await set({ requireComponents: ['interview'] }));
    const required = ok(await q(story.recruiter.token)).shortlist.entries;
    expect(required.map((e: { rank: number | null }) => e.rank)).toEqual([1, 2, null]);
    expect(required[2].explanation).toContain('Awaiting evidence: requires interview');
    ok(await set({ redFlagMode: 'DEMOTE', demoteAtSeverity: 'LOW' }));
    const demoted = ok(await q(story.recruiter.token)).shortlist.entries;
    expect(demoted.at(-1)).toMatchObject({ applicationId: story.candidates[1].applicationId, demoted: true });
    expect(errorCode(await set({ weights: { skills: 0, assessment: 0, interview: 0 } }))).toBe('BAD_USER_INPUT');
    ok(await set({}));
  });

  it('is for recruiters and admins only, in GraphQL and as CSV', async () => {
    expect(errorCode(await q(story.interviewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await q(story.candidates[0].user.token))).toBe('FORBIDDEN');
    const url = `${api.url}/jobs/${story.jobId}/shortlist.csv`;
    const csv = await fetch(url, { headers: { authorization: `Bearer ${story.recruiter.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('rank,application_id,name,email,stage,score,confidence,skills,assessment,interview,missing,red_flags,demoted,recommendations,applied_at,explanation');
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith(`1,${story.candidates[0].applicationId},`)).toBe(true);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${story.interviewer.token}` } })).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: `Bearer ${story.candidates[0].user.token}` } })).status).toBe(403);
  });

  it('hides identities under anonymized review until SHORTLISTED, and records the reveal', async () => {
    ok(await api.gql(`mutation($id: ID!) { updateJob(id: $id, input: { anonymizedReview: true }) { id } }`, { id: story.jobId }, story.recruiter.token));
    const hidden = ok(await q(story.recruiter.token)).shortlist.entries;
    expect(hidden.every((e: { name: string | null; email: string | null; anonymized: boolean }) => e.name === null && e.email === null && e.anonymized)).toBe(true);
    const csv = await (await fetch(`${api.url}/jobs/${story.jobId}/shortlist.csv`, { headers: { authorization: `Bearer ${story.recruiter.token}` } })).text();
    expect(csv).not.toContain(story.candidates[0].user.email);

    const c0 = story.candidates[0].applicationId;
    ok(await api.gql(`mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { stage } }`, { i: { applicationId: c0, to: 'SHORTLISTED', reason: 'Top of the shortlist' } }, story.recruiter.token));
    const after = ok(await q(story.recruiter.token)).shortlist.entries.find((e: { applicationId: string }) => e.applicationId === c0);
    expect(after).toMatchObject({ anonymized: false, email: story.candidates[0].user.email, stage: 'SHORTLISTED' });
    const history = ok(await api.gql(`query($id: ID!) { applicationHistory(applicationId: $id) { kind toStage reason } }`, { id: c0 }, story.recruiter.token)).applicationHistory;
    expect(history.filter((h: { kind: string }) => h.kind === 'IDENTITY_REVEALED')).toEqual([{ kind: 'IDENTITY_REVEALED', toStage: 'SHORTLISTED', reason: 'Identity revealed: the candidate reached the shortlist' }]);
  });
});
