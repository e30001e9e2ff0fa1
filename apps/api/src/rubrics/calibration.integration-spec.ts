import * as fs from 'node:fs';
import { createLogger, projectPath } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { errorCode, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

/**
 * The hand-computed golden fixture (three interviewers, five candidates), replayed through the
 * API: the same scorecards submitted for real, then interviewerCalibration must give the same
 * figures as the scenario file.
 */
interface Scenario {
  scorecards: { interviewerId: string; candidateId: string; ratings: number[] }[];
  expected: {
    interviewerId: string;
    scorecards: number;
    candidates: number;
    ratings: number;
    mean: number;
    spread: number;
    leniencyOffset: number | null;
    sharedCandidates: number;
  }[];
}
const golden = JSON.parse(
  fs.readFileSync(projectPath('libs/rubrics/src/calibration/scenarios/01-three-interviewers-five-candidates.json'), 'utf8'),
) as Scenario;

const CALIBRATION = `query($i: ID, $j: ID) { interviewerCalibration(interviewerId: $i, jobId: $j) {
  interviewerId interviewer { email } scorecards candidates ratings mean spread leniencyOffset sharedCandidates } }`;
const ANSWERS = [
  ['work-authorization', 'true'],
  ['availability-months', '6'],
  ['degree-program', 'Yes, in Computer Science'],
  ['backend-language-proficiency', '4'],
  ['sql-experience', 'I used a SQL database in a project'],
  ['git-experience', 'true'],
  ['dsa-self-assessment', '3'],
  ['problem-solving-example', 'Profiling showed one query per list item; I batched them into one join.'],
].map(([questionKey, value]) => ({ questionKey, value }));
const source = { kind: 'FAQ', quote: 'Focus on fundamentals rather than specific frameworks, and assess their problem-solving approach.' };
const anchors = [
  'Cannot explain what their own loop costs, even with hints.',
  'Explains the basics when prompted but mixes up core ideas.',
  'Explains the concepts they use in their own words, correctly.',
  'Explains from first principles and compares two alternatives.',
].map((description, i) => ({ level: i + 1, description }));
const criteria = ['first', 'second'].map((key) => ({
  key,
  title: key,
  lookFor: 'Fundamentals',
  kind: 'CODING_FUNDAMENTALS',
  weight: 1,
  source,
  anchors,
}));

describe('interviewer calibration against the golden fixture', () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let jobId: string;
  let otherJobId: string;
  const interviewers = new Map<string, TestUser>();
  const byUserId = new Map<string, string>();

  const submitted = async (interviewer: TestUser, applicationId: string, rubricId: string, ratings: number[]) => {
    const iv = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId, interviewerId: interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-04-01T09:00:00Z' } },
        recruiter.token,
      ),
    ).scheduleInterview.id;
    ok(
      await api.gql(
        `mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id } }`,
        {
          i: {
            interviewId: iv,
            recommendation: 'YES',
            ratings: ratings.map((rating, k) => ({ criterionKey: criteria[k].key, rating, evidence: 'Observed in the exercise' })),
          },
        },
        interviewer.token,
      ),
    );
  };

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    recruiter = await api.user(Role.RECRUITER);
    for (const name of ['ana', 'ben', 'cho']) {
      const u = await api.user(Role.INTERVIEWER);
      interviewers.set(name, u);
      byUserId.set(u.id, name);
    }
    const job = async () => {
      const id = ok(
        await api.gql(
          `mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`,
          { i: { templateKey: 'backend-engineer-intern' } },
          recruiter.token,
        ),
      ).createJob.id as string;
      ok(await api.gql(`mutation($id: ID!) { publishJob(id: $id) { id } }`, { id }, recruiter.token));
      return id;
    };
    [jobId, otherJobId] = [await job(), await job()];
    const rubricId = ok(
      await api.gql(
        `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
        { i: { name: 'Two criteria', criteria } },
        recruiter.token,
      ),
    ).createRubric.id;
    const apply = async (job: string, who: TestUser) =>
      ok(
        await api.gql(
          `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
          {
            i: {
              jobId: job,
              profile: { name: who.email, email: who.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' } },
              answers: ANSWERS,
              resume: 'Resume',
            },
          },
          who.token,
        ),
      ).applyToJob.id as string;
    const applications = new Map<string, string>();
    for (const c of [...new Set(golden.scorecards.map((s) => s.candidateId))])
      applications.set(c, await apply(jobId, await api.user(Role.CANDIDATE)));
    for (const s of golden.scorecards)
      await submitted(interviewers.get(s.interviewerId)!, applications.get(s.candidateId)!, rubricId, s.ratings);
    // A scorecard on another job: left out when calibrating by job.
    await submitted(interviewers.get('ana')!, await apply(otherJobId, await api.user(Role.CANDIDATE)), rubricId, [1, 1]);
  }, 60_000);
  afterAll(() => api.close());

  const named = (rows: Scenario['expected']) =>
    rows
      .map((r) => ({ ...r, interviewerId: byUserId.get(r.interviewerId) }))
      .sort((a, b) => a.interviewerId!.localeCompare(b.interviewerId!));

  it("matches the hand-computed figures for the job's scorecards", async () => {
    const rows = ok(await api.gql(CALIBRATION, { j: jobId }, recruiter.token)).interviewerCalibration;
    expect(named(rows.map(({ interviewer: _u, ...r }: Scenario['expected'][number] & { interviewer: unknown }) => r))).toEqual(
      golden.expected,
    );
    expect(rows.find((r: { interviewerId: string }) => r.interviewerId === interviewers.get('ben')!.id).interviewer).toEqual({
      email: interviewers.get('ben')!.email,
    });
  });

  it('counts every job without the filter, and narrows to one interviewer without changing their figures', async () => {
    const all = ok(await api.gql(CALIBRATION, {}, recruiter.token)).interviewerCalibration;
    const ana = all.find((r: { interviewerId: string }) => r.interviewerId === interviewers.get('ana')!.id);
    // Two more ratings of 1 on an unshared candidate: 29/10 = 2.9; the offset rests on the same 3 candidates.
    expect(ana).toMatchObject({ scorecards: 5, candidates: 5, ratings: 10, mean: 2.9, leniencyOffset: 0.6667, sharedCandidates: 3 });
    const ben = ok(await api.gql(CALIBRATION, { i: interviewers.get('ben')!.id, j: jobId }, recruiter.token)).interviewerCalibration;
    expect(named(ben.map(({ interviewer: _u, ...r }: Scenario['expected'][number] & { interviewer: unknown }) => r))).toEqual([
      golden.expected[1],
    ]);
  });

  it('is for recruiters and admins only', async () => {
    expect(errorCode(await api.gql(CALIBRATION, {}, interviewers.get('ana')!.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(CALIBRATION, {}, (await api.user(Role.CANDIDATE)).token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(CALIBRATION, { j: jobId }, (await api.user(Role.ADMIN)).token)).interviewerCalibration).toHaveLength(3);
  });
});
