import { createLogger } from '@app/common';
import { ApplicationStage, Role } from '@app/domain';
import { ApplicationsService, seedHiring, SYSTEM_ACTOR } from '@app/hiring';
import { errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const TEMPLATES = `{ jobTemplates { id key name title location employmentType qualifications prerequisites perks softSkills
  hardSkills { group name weight aliases } tools { category items }
  screeningQuestions { key kind answerType rule { requiredAnswer acceptedValues passAt weight rejectionReason } } } }`;
const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id status title templateId screeningThreshold createdById
  hardSkills { name weight } screeningQuestions { key kind rule { weight } } } }`;
const UPDATE_JOB = `mutation($id: ID!, $i: UpdateJobInput!) { updateJob(id: $id, input: $i) { id title status screeningThreshold } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id status publishedAt closedAt } }`;
const CLOSE = `mutation($id: ID!) { closeJob(id: $id) { id status closedAt } }`;
const JOB = `query($id: ID!) { job(id: $id) { id title status location employmentType about perks
  hardSkills { group name } screeningQuestions { key prompt kind answerType required options min max } } }`;
const JOBS = `query($status: JobStatus, $limit: Int) { jobs(status: $status, limit: $limit) { total items { id title status } } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage jobId rejectionReasons answers { questionKey value } } }`;
const MINE = `{ myApplications { total items { id stage rejectionReasons job { id title } } } }`;
const STAFF_APPLICATIONS = `query($jobId: ID, $outcome: ScreeningOutcome) { applications(jobId: $jobId, outcome: $outcome) { total items {
  id stage candidate { email } profile { name email education { degree field status } links skills { name level } }
  screening { outcome automaticOutcome reasons score override { outcome reason byId at } }
  skillsMatch { score matched { name level matchedAs } missing { name } } } } }`;
const CANDIDATE_APPLICATION = `query($id: ID!) { application(id: $id) { id stage rejectionReasons } }`;
const OVERRIDE = `mutation($i: OverrideScreeningInput!) { overrideScreening(input: $i) { id stage rejectionReasons
  screening { outcome automaticOutcome reasons override { outcome reason byId at } } } }`;
const MOVE = `mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { id stage } }`;
const HISTORY = `query($id: ID!) { applicationHistory(applicationId: $id) { seq kind fromStage toStage fromOutcome toOutcome actorId actorRole reason at actor { email } } }`;

const GOOD_ANSWERS: Record<string, string> = {
  'work-authorization': 'true',
  'availability-months': '6',
  'degree-program': 'Yes, in Computer Science',
  'backend-language-proficiency': '4',
  'sql-experience': 'I used a SQL database in a project',
  'git-experience': 'true',
  'dsa-self-assessment': '3',
  'problem-solving-example': 'A course API timed out under load; profiling showed one query per list item, so I batched them into one join and it went from 4 s to 120 ms.',
};
const answers = (changes: Record<string, string> = {}) => Object.entries({ ...GOOD_ANSWERS, ...changes }).map(([questionKey, value]) => ({ questionKey, value }));
const profile = (name: string, email: string) => ({
  name,
  email,
  education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED', institution: 'State University' },
  links: ['https://github.com/example/project'],
  skills: [
    { name: 'Node', level: 4 },
    { name: 'Postgres', level: 3 },
  ],
});
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];
const KNOCKOUT_REASON = 'Knock-out: not authorized to work in the country of employment';

describe('hiring flow: job from the template, applications, screening, override, stages', () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let jobId: string;
  let aliceApp: string;
  let bobApp: string;
  const started = Date.now();

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    recruiter = await api.user(Role.RECRUITER);
    alice = await api.user(Role.CANDIDATE);
    bob = await api.user(Role.CANDIDATE);
  });
  afterAll(() => api.close());

  it('offers the seeded Backend Engineer Intern template to staff, with its screening rules', async () => {
    const { jobTemplates } = ok(await api.gql(TEMPLATES, {}, recruiter.token));
    const t = jobTemplates.find((x: { key: string }) => x.key === 'backend-engineer-intern');
    expect(t).toMatchObject({
      name: 'Backend Engineer Intern',
      title: 'Backend Engineer Intern',
      location: 'Hybrid/Remote (with occasional onsite meetings)',
      employmentType: 'Full-time Internship',
      perks: ['Competitive internship compensation', 'Mentorship from senior engineers', 'Professional development opportunities', 'Flexible work arrangements'],
    });
    expect(new Set(t.hardSkills.map((s: { group: string }) => s.group)).size).toBe(8);
    expect(t.tools).toHaveLength(8);
    expect(t.screeningQuestions[0]).toEqual({
      key: 'work-authorization',
      kind: 'KNOCKOUT',
      answerType: 'BOOLEAN',
      rule: { requiredAnswer: true, acceptedValues: [], passAt: null, weight: 0, rejectionReason: 'not authorized to work in the country of employment' },
    });
  });

  it('lets a recruiter create a job from the template with edits; it stays hidden until published', async () => {
    const created = ok(
      await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern', title: 'Backend Engineer Intern (Summer)', screeningThreshold: 0.5, autoReject: true } }, recruiter.token),
    ).createJob;
    jobId = created.id;
    expect(created).toMatchObject({ status: 'DRAFT', title: 'Backend Engineer Intern (Summer)', screeningThreshold: 0.5, createdById: recruiter.id });
    expect(created.templateId).toEqual(expect.any(String));
    expect(created.hardSkills).toHaveLength(19);
    expect(created.hardSkills.find((s: { name: string }) => s.name === 'SQL')).toEqual({ name: 'SQL', weight: 2 });
    expect(created.screeningQuestions.map((q: { key: string }) => q.key)).toEqual([
      'work-authorization',
      'availability-months',
      'degree-program',
      'backend-language-proficiency',
      'sql-experience',
      'git-experience',
      'dsa-self-assessment',
      'problem-solving-example',
      'teamwork-example',
    ]);

    expect(errorCode(await api.gql(JOB, { id: jobId }))).toBe('NOT_FOUND');
    expect(ok(await api.gql(JOBS, {})).jobs.items.map((j: { id: string }) => j.id)).not.toContain(jobId);

    const published = ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token)).publishJob;
    expect(published.status).toBe('PUBLISHED');
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(errorCode(await api.gql(PUBLISH, { id: jobId }, recruiter.token))).toBe('FAILED_PRECONDITION');
  });

  it('shows the published job to anonymous readers, questions without their rules', async () => {
    const { job } = ok(await api.gql(JOB, { id: jobId }));
    expect(job).toMatchObject({ id: jobId, title: 'Backend Engineer Intern (Summer)', status: 'PUBLISHED', employmentType: 'Full-time Internship' });
    expect(job.screeningQuestions[2]).toEqual({
      key: 'degree-program',
      prompt: 'Are you currently pursuing a BS or MS degree, and in which field?',
      kind: 'SCORED',
      answerType: 'CHOICE',
      required: true,
      options: ['Yes, in Computer Science', 'Yes, in a related field (e.g. Software Engineering, Computer Engineering, Mathematics)', 'Yes, in another field', 'No'],
      min: null,
      max: null,
    });
    const list = ok(await api.gql(JOBS, {})).jobs;
    expect(list.items).toContainEqual({ id: jobId, title: 'Backend Engineer Intern (Summer)', status: 'PUBLISHED' });
  });

  it('screens two applicants: one passes, one is knocked out on work authorization with the reason recorded', async () => {
    const a = ok(await api.gql(APPLY, { i: { jobId, profile: profile('Alice', alice.email), answers: answers(), resume: 'Alice. BS CS.' } }, alice.token)).applyToJob;
    aliceApp = a.id;
    expect(a).toMatchObject({ stage: 'SCREENED', jobId, rejectionReasons: [] });
    expect(a.answers[0]).toEqual({ questionKey: 'work-authorization', value: 'true' });

    const b = ok(
      await api.gql(APPLY, { i: { jobId, profile: profile('Bob', bob.email), answers: answers({ 'work-authorization': 'no' }), resume: 'Bob. BS CS.' } }, bob.token),
    ).applyToJob;
    bobApp = b.id;
    // The candidate sees the knock-out reason on their application.
    expect(b).toMatchObject({ stage: 'REJECTED', rejectionReasons: [KNOCKOUT_REASON] });
    expect(ok(await api.gql(MINE, {}, bob.token)).myApplications).toEqual({
      total: 1,
      items: [{ id: bobApp, stage: 'REJECTED', rejectionReasons: [KNOCKOUT_REASON], job: { id: jobId, title: 'Backend Engineer Intern (Summer)' } }],
    });

    const { applications } = ok(await api.gql(STAFF_APPLICATIONS, { jobId }, recruiter.token));
    expect(applications.total).toBe(2);
    const [ra, rb] = [aliceApp, bobApp].map((id) => applications.items.find((x: { id: string }) => x.id === id));
    expect(ra.candidate).toEqual({ email: alice.email });
    expect(ra.profile).toEqual({
      name: 'Alice',
      email: alice.email,
      education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' },
      links: ['https://github.com/example/project'],
      skills: [
        { name: 'Node', level: 4 },
        { name: 'Postgres', level: 3 },
      ],
    });
    // 4 (lang: 3) + SQL (2) + Git (1) + DSA 3 of 4 (1.33) + degree (1) = 8.33 of 9; free text is read, not scored.
    expect(ra.screening).toEqual({
      outcome: 'PASSED',
      automaticOutcome: 'PASSED',
      reasons: ['All knock-out questions passed; screening score 0.93 meets the threshold 0.50'],
      score: 0.9259,
      override: null,
    });
    // Units: backend language 3, database 2, ... (15.5 in all). Node.js 3 x 4/5 + SQL 2 x 3/5 = 3.6 of 15.5.
    expect(ra.skillsMatch.score).toBe(0.2323);
    expect(ra.skillsMatch.matched).toEqual([
      { name: 'Node.js', level: 4, matchedAs: 'Node' },
      { name: 'SQL', level: 3, matchedAs: 'Postgres' },
    ]);
    expect(ra.skillsMatch.missing).toHaveLength(10); // 12 units (any-of groups count once), 2 matched
    // An automatic rejection is never silent: the recruiter reads it with its reason.
    expect(rb.stage).toBe('REJECTED');
    expect(rb.screening).toEqual({ outcome: 'REJECTED', automaticOutcome: 'REJECTED', reasons: [KNOCKOUT_REASON], score: 0.9259, override: null });
    const rejected = ok(await api.gql(STAFF_APPLICATIONS, { jobId, outcome: 'REJECTED' }, recruiter.token)).applications;
    expect(rejected.items.map((x: { id: string }) => x.id)).toEqual([bobApp]);
  });

  it('accepts one application per candidate and job', async () => {
    const again = await api.gql(APPLY, { i: { jobId, profile: profile('Alice', alice.email), answers: answers(), resume: 'Again' } }, alice.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(ok(await api.gql(MINE, {}, alice.token)).myApplications.total).toBe(1);
  });

  it('lets the recruiter override the knock-out with a reason, which reopens the application', async () => {
    const noReason = await api.gql(OVERRIDE, { i: { applicationId: bobApp, outcome: 'PASSED', reason: '   ' } }, recruiter.token);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(fields(noReason)).toEqual([{ field: 'reason', message: 'a reason is required' }]);

    const res = ok(
      await api.gql(OVERRIDE, { i: { applicationId: bobApp, outcome: 'PASSED', reason: 'Holds a work permit from next month; confirmed by email' } }, recruiter.token),
    ).overrideScreening;
    expect(res).toMatchObject({
      id: bobApp,
      stage: 'SCREENED',
      rejectionReasons: [],
      screening: {
        outcome: 'PASSED',
        automaticOutcome: 'REJECTED',
        reasons: [KNOCKOUT_REASON],
        override: { outcome: 'PASSED', reason: 'Holds a work permit from next month; confirmed by email', byId: recruiter.id },
      },
    });
    expect(ok(await api.gql(CANDIDATE_APPLICATION, { id: bobApp }, bob.token)).application).toEqual({ id: bobApp, stage: 'SCREENED', rejectionReasons: [] });
  });

  it('records every move with who, when, from, to and why', async () => {
    const move = (id: string, to: string, token: string, reason?: string) => api.gql(MOVE, { i: { applicationId: id, to, reason } }, token);
    expect(ok(await move(aliceApp, 'ASSESSMENT', recruiter.token, 'Strong screening')).moveApplicationStage).toEqual({ id: aliceApp, stage: 'ASSESSMENT' });
    expect(ok(await move(aliceApp, 'INTERVIEW', recruiter.token, 'Assessment 92%')).moveApplicationStage.stage).toBe('INTERVIEW');

    const badMove = await move(aliceApp, 'ASSESSMENT', recruiter.token, 'Back again');
    expect(errorCode(badMove)).toBe('FAILED_PRECONDITION');
    expect(badMove.errors![0].message).toBe('An application cannot move from INTERVIEW to ASSESSMENT (allowed: SHORTLISTED, OFFER, REJECTED, WITHDRAWN)');
    const noReason = await move(aliceApp, 'SHORTLISTED', recruiter.token);
    expect(fields(noReason)).toEqual([{ field: 'reason', message: 'a reason is required' }]);

    const history = ok(await api.gql(HISTORY, { id: aliceApp }, recruiter.token)).applicationHistory;
    expect(history.map(({ at: _at, ...e }: { at: string }) => e)).toEqual([
      { seq: 1, kind: 'STAGE_CHANGE', fromStage: null, toStage: 'APPLIED', fromOutcome: null, toOutcome: null, actorId: alice.id, actorRole: 'CANDIDATE', reason: 'Applied', actor: { email: alice.email } },
      {
        seq: 2,
        kind: 'STAGE_CHANGE',
        fromStage: 'APPLIED',
        toStage: 'SCREENED',
        fromOutcome: null,
        toOutcome: 'PASSED',
        actorId: null,
        actorRole: 'SYSTEM',
        reason: 'Automatic screening: PASSED. All knock-out questions passed; screening score 0.93 meets the threshold 0.50',
        actor: null,
      },
      { seq: 3, kind: 'STAGE_CHANGE', fromStage: 'SCREENED', toStage: 'ASSESSMENT', fromOutcome: null, toOutcome: null, actorId: recruiter.id, actorRole: 'RECRUITER', reason: 'Strong screening', actor: { email: recruiter.email } },
      { seq: 4, kind: 'STAGE_CHANGE', fromStage: 'ASSESSMENT', toStage: 'INTERVIEW', fromOutcome: null, toOutcome: null, actorId: recruiter.id, actorRole: 'RECRUITER', reason: 'Assessment 92%', actor: { email: recruiter.email } },
    ]);
    for (const e of history) {
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now() + 1000);
    }

    const bobHistory = ok(await api.gql(HISTORY, { id: bobApp }, recruiter.token)).applicationHistory;
    expect(bobHistory.map((e: Record<string, unknown>) => [e.kind, e.fromStage, e.toStage, e.fromOutcome, e.toOutcome, e.actorRole, e.reason])).toEqual([
      ['STAGE_CHANGE', null, 'APPLIED', null, null, 'CANDIDATE', 'Applied'],
      ['STAGE_CHANGE', 'APPLIED', 'REJECTED', null, 'REJECTED', 'SYSTEM', KNOCKOUT_REASON],
      ['SCREENING_OVERRIDE', 'REJECTED', 'REJECTED', 'REJECTED', 'PASSED', 'RECRUITER', 'Holds a work permit from next month; confirmed by email'],
      ['STAGE_CHANGE', 'REJECTED', 'SCREENED', null, null, 'RECRUITER', 'Screening overridden to PASSED: Holds a work permit from next month; confirmed by email'],
    ]);
  });

  it('lets a candidate withdraw, after which nobody moves the application', async () => {
    const withdrawn = ok(await api.gql(MOVE, { i: { applicationId: aliceApp, to: 'WITHDRAWN' } }, alice.token)).moveApplicationStage;
    expect(withdrawn.stage).toBe('WITHDRAWN');
    const res = await api.gql(MOVE, { i: { applicationId: aliceApp, to: 'OFFER', reason: 'Please come back' } }, recruiter.token);
    expect(errorCode(res)).toBe('FAILED_PRECONDITION');
    expect(errorCode(await api.gql(OVERRIDE, { i: { applicationId: aliceApp, outcome: 'REJECTED', reason: 'x' } }, recruiter.token))).toBe('FAILED_PRECONDITION');
    const last = ok(await api.gql(HISTORY, { id: aliceApp }, recruiter.token)).applicationHistory.at(-1);
    expect(last).toMatchObject({ fromStage: 'INTERVIEW', toStage: 'WITHDRAWN', actorId: alice.id, actorRole: 'CANDIDATE', reason: 'Withdrawn by the candidate' });
  });

  it('exposes moveStage to other services (the assessments invite through it)', async () => {
    const service = api.app.get(ApplicationsService);
    const moved = await service.moveStage(bobApp, ApplicationStage.ASSESSMENT, { id: recruiter.id, role: Role.RECRUITER }, 'Invited to assessment "Backend basics"');
    expect(moved.stage).toBe(ApplicationStage.ASSESSMENT);
    // A second invitation is a no-op, not an error; a move the table refuses records nothing.
    expect(await service.tryMoveStage(bobApp, ApplicationStage.ASSESSMENT, SYSTEM_ACTOR, 'Invited again')).toBe(false);
    expect(await service.tryMoveStage(bobApp, ApplicationStage.INTERVIEW, SYSTEM_ACTOR, 'Passed the assessment')).toBe(true);
    await expect(service.moveStage(bobApp, ApplicationStage.SHORTLISTED, SYSTEM_ACTOR, '')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.moveStage('no-such-id', ApplicationStage.SHORTLISTED, SYSTEM_ACTOR, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const history = ok(await api.gql(HISTORY, { id: bobApp }, recruiter.token)).applicationHistory;
    expect(history.slice(-2).map((e: Record<string, unknown>) => [e.fromStage, e.toStage, e.actorRole, e.actorId, e.reason])).toEqual([
      ['SCREENED', 'ASSESSMENT', 'RECRUITER', recruiter.id, 'Invited to assessment "Backend basics"'],
      ['ASSESSMENT', 'INTERVIEW', 'SYSTEM', null, 'Passed the assessment'],
    ]);
  });

  it('fixes the screening rules once a job has applications, but not its text', async () => {
    expect(ok(await api.gql(UPDATE_JOB, { id: jobId, i: { title: 'Backend Engineer Intern (Summer 2026)' } }, recruiter.token)).updateJob.title).toBe('Backend Engineer Intern (Summer 2026)');
    const res = await api.gql(UPDATE_JOB, { id: jobId, i: { screeningThreshold: 0.9 } }, recruiter.token);
    expect(errorCode(res)).toBe('FAILED_PRECONDITION');
    expect(res.errors![0].message).toMatch(/already has 2 application\(s\): screeningThreshold can no longer change/);
  });

  it('closing the job hides it from anonymous readers and stops applications; applicants still see it', async () => {
    const closed = ok(await api.gql(CLOSE, { id: jobId }, recruiter.token)).closeJob;
    expect(closed.status).toBe('CLOSED');
    expect(errorCode(await api.gql(JOB, { id: jobId }))).toBe('NOT_FOUND');
    const carol = await api.user(Role.CANDIDATE);
    expect(errorCode(await api.gql(APPLY, { i: { jobId, profile: profile('Carol', carol.email), answers: answers(), resume: 'Carol' } }, carol.token))).toBe('NOT_FOUND');
    expect(ok(await api.gql(MINE, {}, bob.token)).myApplications.items[0].job).toEqual({ id: jobId, title: 'Backend Engineer Intern (Summer 2026)' });
    expect(errorCode(await api.gql(UPDATE_JOB, { id: jobId, i: { title: 'x' } }, recruiter.token))).toBe('FAILED_PRECONDITION');
    expect(ok(await api.gql(JOBS, { status: 'CLOSED' }, recruiter.token)).jobs.items.map((j: { id: string }) => j.id)).toContain(jobId);
    expect(ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token)).publishJob).toMatchObject({ status: 'PUBLISHED', closedAt: null });
  });
});
