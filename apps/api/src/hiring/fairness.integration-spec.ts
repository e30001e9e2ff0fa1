import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { APPLY_ANSWERS, errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage } }`;
const MOVE = `mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { id stage } }`;
const QUESTIONS = `{ selfIdentificationQuestions { key label prompt options } }`;
const SUBMIT = `mutation($i: SelfIdentificationInput!) { submitSelfIdentification(input: $i) }`;
const REPORT = `query($jobId: ID!, $q: String!, $min: Int) { adverseImpactReport(jobId: $jobId, question: $q, minGroupSize: $min) {
  question { key } minGroupSize notDisclosed explanation
  stages { stage referenceGroup groups { group considered selected rate impactRatio suppressed belowFourFifths } } } }`;

/** The template's answers that pass screening, by question. */
const ANSWERS: Record<string, string> = Object.fromEntries(APPLY_ANSWERS.map((a) => [a.questionKey, a.value]));
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];

describe('voluntary self-identification and the adverse-impact report', () => {
  let api: ApiHarness;
  let admin: TestUser;
  let recruiter: TestUser;
  let interviewer: TestUser;
  let jobId: string;
  const apps: { user: TestUser; appId: string; group: string }[] = [];

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    [admin, recruiter, interviewer] = await Promise.all([api.user(Role.ADMIN), api.user(Role.RECRUITER), api.user(Role.INTERVIEWER)]);
    jobId = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob.id;
    ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token));
    // 5 women, 6 men, 1 who prefers not to say.
    const groups = [...Array(5).fill('Woman'), ...Array(6).fill('Man'), 'Prefer not to say'] as string[];
    for (const group of groups) {
      const user = await api.user(Role.CANDIDATE);
      const answers = Object.entries(ANSWERS).map(([questionKey, value]) => ({ questionKey, value }));
      const profile = { name: user.email, email: user.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, skills: [{ name: 'Python', level: 3 }] };
      const appId = ok(await api.gql(APPLY, { i: { jobId, profile, answers, resume: 'r' } }, user.token)).applyToJob.id;
      apps.push({ user, appId, group });
    }
  });
  afterAll(() => api.close());

  it('offers the configured questions, "Prefer not to say" always last', async () => {
    const questions = ok(await api.gql(QUESTIONS, {}, apps[0].user.token)).selfIdentificationQuestions;
    expect(questions.map((q: { key: string }) => q.key)).toEqual(['gender', 'ethnicity', 'disability', 'veteran']);
    expect(questions[0].options).toEqual(['Woman', 'Man', 'Non-binary', 'Another gender', 'Prefer not to say']);
    expect(questions.every((q: { options: string[] }) => q.options.at(-1) === 'Prefer not to say')).toBe(true);
  });

  it('takes a candidate\'s answers for their own application only, naming a wrong field', async () => {
    for (const a of apps) {
      expect(ok(await api.gql(SUBMIT, { i: { applicationId: a.appId, answers: [{ question: 'gender', value: a.group }] } }, a.user.token)).submitSelfIdentification).toBe(true);
    }
    const [ann, ben] = apps;
    expect(errorCode(await api.gql(SUBMIT, { i: { applicationId: ben.appId, answers: [{ question: 'gender', value: 'Man' }] } }, ann.user.token))).toBe('NOT_FOUND');
    const bad = await api.gql(SUBMIT, { i: { applicationId: ann.appId, answers: [{ question: 'gender', value: 'Robot' }, { question: 'age', value: '30' }] } }, ann.user.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fields(bad)).toEqual([
      { field: 'answers.0.value', message: 'must be one of: "Woman", "Man", "Non-binary", "Another gender", "Prefer not to say"' },
      { field: 'answers.1.question', message: 'unknown question "age": one of gender, ethnicity, disability, veteran' },
    ]);
    // Answering again, twice at once, replaces rather than duplicates.
    const again = { i: { applicationId: ann.appId, answers: [{ question: 'gender', value: 'Woman' }, { question: 'disability', value: 'No' }] } };
    const both = await Promise.all([api.gql(SUBMIT, again, ann.user.token), api.gql(SUBMIT, again, ann.user.token)]);
    expect(both.map((r) => ok(r).submitSelfIdentification)).toEqual([true, true]);
  });

  it('is written by candidates only, and no role can read a person\'s answers', async () => {
    for (const who of [admin, recruiter, interviewer]) {
      expect(errorCode(await api.gql(SUBMIT, { i: { applicationId: apps[0].appId, answers: [] } }, who.token))).toBe('FORBIDDEN');
    }
    const types = ok(await api.gql(`{ a: __type(name: "Application") { fields { name } } q: __schema { queryType { fields { name } } } }`, {}, admin.token));
    const names = [...types.a.fields, ...types.q.queryType.fields].map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /self.?id|gender|ethnic|disab|veteran/i.test(n))).toEqual(['selfIdentificationQuestions']);
  });

  it('reports selection rates per step and the four-fifths ratio to admins, small groups suppressed', async () => {
    const women = apps.filter((a) => a.group === 'Woman');
    const men = apps.filter((a) => a.group === 'Man');
    for (const a of [women[0], men[0], men[1], men[2]]) {
      ok(await api.gql(MOVE, { i: { applicationId: a.appId, to: 'ASSESSMENT', reason: 'Invited to the assessment' } }, recruiter.token));
    }
    const report = ok(await api.gql(REPORT, { jobId, q: 'gender' }, admin.token)).adverseImpactReport;
    expect(report).toMatchObject({ question: { key: 'gender' }, minGroupSize: 5, notDisclosed: 1 });
    expect(report.explanation).toMatch(/four-fifths rule/);
    const [screened, assessment, interview] = report.stages;
    expect(screened.groups.slice(0, 2)).toEqual([
      { group: 'Woman', considered: 5, selected: 5, rate: 1, impactRatio: 1, suppressed: false, belowFourFifths: false },
      { group: 'Man', considered: 6, selected: 6, rate: 1, impactRatio: 1, suppressed: false, belowFourFifths: false },
    ]);
    expect(assessment).toMatchObject({ stage: 'ASSESSMENT', referenceGroup: 'Man' });
    expect(assessment.groups.slice(0, 2)).toEqual([
      { group: 'Woman', considered: 5, selected: 1, rate: 0.2, impactRatio: 0.4, suppressed: false, belowFourFifths: true },
      { group: 'Man', considered: 6, selected: 3, rate: 0.5, impactRatio: 1, suppressed: false, belowFourFifths: false },
    ]);
    // 1 woman and 3 men reached the assessment: both pools are under 5, so both are hidden.
    expect(interview.groups.slice(0, 2).map((g: { suppressed: boolean; considered: number | null }) => [g.suppressed, g.considered])).toEqual([
      [true, null],
      [true, null],
    ]);
  });

  it('is for admins and recruiters an admin granted FAIRNESS_REPORT, never for interviewers or candidates', async () => {
    const GRANT = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { permissions } }`;
    expect(errorCode(await api.gql(REPORT, { jobId, q: 'gender' }, recruiter.token))).toBe('FORBIDDEN');
    // Only recruiters can hold it; only admins grant it.
    expect(fields(await api.gql(GRANT, { id: interviewer.id, i: { permissions: ['FAIRNESS_REPORT'] } }, admin.token))).toEqual([
      { field: 'permissions', message: 'FAIRNESS_REPORT can be granted to RECRUITER accounts only' },
    ]);
    expect(errorCode(await api.gql(GRANT, { id: recruiter.id, i: { permissions: ['FAIRNESS_REPORT'] } }, recruiter.token))).toBe('FORBIDDEN');
    expect(ok(await api.gql(GRANT, { id: recruiter.id, i: { permissions: ['FAIRNESS_REPORT'] } }, admin.token)).updateUser).toEqual({ permissions: ['FAIRNESS_REPORT'] });
    expect(ok(await api.gql(REPORT, { jobId, q: 'gender' }, recruiter.token)).adverseImpactReport.question).toEqual(expect.anything());
    // Revoked, it is gone at once; a role change to interviewer drops it too.
    ok(await api.gql(GRANT, { id: recruiter.id, i: { permissions: [] } }, admin.token));
    expect(errorCode(await api.gql(REPORT, { jobId, q: 'gender' }, recruiter.token))).toBe('FORBIDDEN');
    ok(await api.gql(GRANT, { id: recruiter.id, i: { permissions: ['FAIRNESS_REPORT'] } }, admin.token));
    expect(ok(await api.gql(GRANT, { id: recruiter.id, i: { role: 'INTERVIEWER' } }, admin.token)).updateUser).toEqual({ permissions: [] });
    ok(await api.gql(GRANT, { id: recruiter.id, i: { role: 'RECRUITER' } }, admin.token));
  });

  it('is for admins only, with clear errors for a wrong question, size or job', async () => {
    for (const who of [recruiter, interviewer, apps[0].user]) {
      expect(errorCode(await api.gql(REPORT, { jobId, q: 'gender' }, who.token))).toBe('FORBIDDEN');
    }
    expect(fields(await api.gql(REPORT, { jobId, q: 'age' }, admin.token))).toEqual([{ field: 'question', message: 'unknown question "age": one of gender, ethnicity, disability, veteran' }]);
    expect(fields(await api.gql(REPORT, { jobId, q: 'gender', min: 2 }, admin.token))).toEqual([{ field: 'minGroupSize', message: 'must be a whole number from 5 to 1000' }]);
    expect(errorCode(await api.gql(REPORT, { jobId: '00000000-0000-4000-8000-000000000000', q: 'gender' }, admin.token))).toBe('NOT_FOUND');
  });
});
