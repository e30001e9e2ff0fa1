import { createLogger } from '@app/common';
import { EducationStatus, Role } from '@app/domain';
import { ApplicationsService, seedHiring } from '@app/hiring';
import { ok, testDialect } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id status } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage } }`;
const APPLICATIONS = `query($jobId: ID) { applications(jobId: $jobId, limit: 50) { total items { id } } }`;
const HISTORY = `query($id: ID!) { applicationHistory(applicationId: $id) { kind toStage } }`;

const ANSWERS: Record<string, string> = {
  'work-authorization': 'true',
  'availability-months': '6',
  'degree-program': 'Yes, in Computer Science',
  'backend-language-proficiency': '4',
  'sql-experience': 'I used a SQL database in a project',
  'git-experience': 'true',
  'dsa-self-assessment': '4',
  'problem-solving-example': 'Found a memory leak in a worker by taking heap snapshots an hour apart, then bounded the cache that kept growing.',
};
const application = (jobId: string, email: string) => ({
  jobId,
  profile: { name: email, email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, skills: [{ name: 'Java', level: 3 }] },
  answers: Object.entries(ANSWERS).map(([questionKey, value]) => ({ questionKey, value })),
  resume: `Resume of ${email}`,
});

// On SQLite every request shares one connection: before the transaction lock
// (migrations/sqlite-concurrency.ts) the second of two applications whose transactions overlap
// failed with "cannot start a transaction within a transaction". Over HTTP on this harness they
// rarely overlap: better-sqlite3 is synchronous, so a request's transaction usually runs inside
// one I/O callback; they do when requests resume in the same tick (several promises settled by
// one Redis reply or one DataLoader batch), which the second test provokes directly.
describe(`simultaneous requests (${testDialect()})`, () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let candidates: TestUser[];
  let jobId: string;
  let secondJobId: string;

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    recruiter = await api.user(Role.RECRUITER);
    candidates = [];
    for (let i = 0; i < 10; i++) candidates.push(await api.user(Role.CANDIDATE));
    jobId = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob.id;
    ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token));
    secondJobId = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob.id;
    ok(await api.gql(PUBLISH, { id: secondJobId }, recruiter.token));
  });
  afterAll(() => api.close());

  it('ten candidates applying at the same moment all get their application, with its full history', async () => {
    const results = await Promise.all([
      ...candidates.map((c) => api.gql(APPLY, { i: application(jobId, c.email) }, c.token)),
      // Reads from other requests run meanwhile and see committed rows only.
      ...candidates.slice(0, 3).map(() => api.gql(APPLICATIONS, { jobId }, recruiter.token)),
    ]);
    const applied = results.slice(0, candidates.length).map((r) => ok(r).applyToJob as { id: string; stage: string });
    expect(applied.map((a) => a.stage)).toEqual(candidates.map(() => 'SCREENED'));
    expect(new Set(applied.map((a) => a.id)).size).toBe(candidates.length);
    for (const r of results.slice(candidates.length)) expect(ok(r).applications.total).toBeLessThanOrEqual(candidates.length);

    const listed = ok(await api.gql(APPLICATIONS, { jobId }, recruiter.token)).applications;
    expect(listed.total).toBe(candidates.length);
    expect(new Set(listed.items.map((i: { id: string }) => i.id))).toEqual(new Set(applied.map((a) => a.id)));
    for (const a of applied) {
      const history = ok(await api.gql(HISTORY, { id: a.id }, recruiter.token)).applicationHistory;
      expect(history.map((h: { toStage: string }) => h.toStage)).toEqual(['APPLIED', 'SCREENED']);
    }
  });

  it('ten applications started in the same tick, through the service of the running API, all commit', async () => {
    const service = api.app.get(ApplicationsService);
    const results = await Promise.allSettled(
      candidates.map((c) => {
        const input = application(secondJobId, c.email);
        return service.apply({ ...input, profile: { ...input.profile, education: { ...input.profile.education, status: EducationStatus.ENROLLED } } }, { id: c.id, role: Role.CANDIDATE });
      }),
    );
    expect(results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []))).toEqual([]);
    const listed = ok(await api.gql(APPLICATIONS, { jobId: secondJobId }, recruiter.token)).applications;
    expect(listed.total).toBe(candidates.length);
  });
});
