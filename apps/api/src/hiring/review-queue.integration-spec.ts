import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { APPLY_ANSWERS, errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id autoReject } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage } }`;
const MINE = `query($id: ID!) { application(id: $id) { stage rejectionReasons } }`;
const STAFF_VIEW = `query($id: ID!) { application(id: $id) { stage screening { outcome automaticOutcome reasons } } }`;
const QUEUE = `query($jobId: ID) { applications(jobId: $jobId, awaitingRejection: true) { total items { id } } }`;
const CONFIRM = `mutation($i: ConfirmRejectionsInput!) { confirmRejections(input: $i) { id stage screening { outcome automaticOutcome } } }`;
const HISTORY = `query($id: ID!) { applicationHistory(applicationId: $id) { kind toStage toOutcome actorRole reason } }`;

/** The template's answers that pass screening, by question. */
const ANSWERS: Record<string, string> = Object.fromEntries(APPLY_ANSWERS.map((a) => [a.questionKey, a.value]));
const KNOCK_OUT = 'Knock-out: not authorized to work in the country of employment';
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];

describe('knock-outs wait for a recruiter unless the job rejects automatically', () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let interviewer: TestUser;
  let ann: TestUser;
  let ben: TestUser;
  let cat: TestUser;
  let jobId: string;
  let annApp: string;
  let benApp: string;
  let catApp: string;

  const apply = async (who: TestUser, job: string, changes: Record<string, string> = {}) =>
    ok(
      await api.gql(
        APPLY,
        {
          i: {
            jobId: job,
            profile: { name: who.email, email: who.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, skills: [] },
            answers: Object.entries({ ...ANSWERS, ...changes }).map(([questionKey, value]) => ({ questionKey, value })),
            resume: 'r',
          },
        },
        who.token,
      ),
    ).applyToJob;

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    [recruiter, interviewer, ann, ben, cat] = await Promise.all([api.user(Role.RECRUITER), api.user(Role.INTERVIEWER), api.user(Role.CANDIDATE), api.user(Role.CANDIDATE), api.user(Role.CANDIDATE)]);
    const job = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob;
    expect(job.autoReject).toBe(false);
    jobId = job.id;
    ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token));
    annApp = (await apply(ann, jobId, { 'work-authorization': 'false' })).id;
    benApp = (await apply(ben, jobId)).id;
    catApp = (await apply(cat, jobId, { 'work-authorization': 'false' })).id;
  });
  afterAll(() => api.close());

  it('by default a failed knock-out is held for review: the candidate reads no rejection yet', async () => {
    expect(ok(await api.gql(MINE, { id: annApp }, ann.token)).application).toEqual({ stage: 'SCREENED', rejectionReasons: [] });
    expect(ok(await api.gql(STAFF_VIEW, { id: annApp }, recruiter.token)).application).toEqual({
      stage: 'SCREENED',
      screening: { outcome: 'REVIEW', automaticOutcome: 'REJECTED', reasons: [KNOCK_OUT] },
    });
    const queue = ok(await api.gql(QUEUE, { jobId }, recruiter.token)).applications;
    expect(queue.items.map((a: { id: string }) => a.id).sort()).toEqual([annApp, catApp].sort());
    const [, moved] = ok(await api.gql(HISTORY, { id: annApp }, recruiter.token)).applicationHistory;
    expect(moved).toMatchObject({ kind: 'STAGE_CHANGE', toStage: 'SCREENED', toOutcome: 'REVIEW', actorRole: 'SYSTEM' });
    expect(moved.reason).toMatch(/^Automatic screening: REVIEW, awaiting a recruiter's confirmation of the knock-out\. Knock-out: /);
  });

  it('confirms in bulk only applications waiting in the queue, naming each wrong id and changing nothing', async () => {
    const bad = await api.gql(CONFIRM, { i: { applicationIds: [annApp, benApp] } }, recruiter.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fields(bad)).toEqual([{ field: 'applicationIds.1', message: 'is not awaiting a knock-out confirmation (stage SCREENED, outcome PASSED)' }]);
    expect(ok(await api.gql(QUEUE, { jobId }, recruiter.token)).applications.total).toBe(2);
    for (const who of [interviewer, ann]) {
      expect(errorCode(await api.gql(CONFIRM, { i: { applicationIds: [annApp] } }, who.token))).toBe('FORBIDDEN');
    }
  });

  it('a confirmed knock-out rejects: the candidate then reads the reason, the history says who confirmed', async () => {
    const done = ok(await api.gql(CONFIRM, { i: { applicationIds: [annApp, catApp], reason: 'Checked: no work permit' } }, recruiter.token)).confirmRejections;
    expect(done).toEqual([
      { id: annApp, stage: 'REJECTED', screening: { outcome: 'REJECTED', automaticOutcome: 'REJECTED' } },
      { id: catApp, stage: 'REJECTED', screening: { outcome: 'REJECTED', automaticOutcome: 'REJECTED' } },
    ]);
    expect(ok(await api.gql(MINE, { id: annApp }, ann.token)).application).toEqual({ stage: 'REJECTED', rejectionReasons: [KNOCK_OUT] });
    expect(ok(await api.gql(QUEUE, { jobId }, recruiter.token)).applications.total).toBe(0);
    const history = ok(await api.gql(HISTORY, { id: annApp }, recruiter.token)).applicationHistory;
    expect(history.slice(-2)).toEqual([
      { kind: 'SCREENING_OVERRIDE', toStage: 'SCREENED', toOutcome: 'REJECTED', actorRole: 'RECRUITER', reason: 'Checked: no work permit' },
      { kind: 'STAGE_CHANGE', toStage: 'REJECTED', toOutcome: null, actorRole: 'RECRUITER', reason: 'Screening overridden to REJECTED: Checked: no work permit' },
    ]);
    // Confirming again is refused: it is no longer waiting.
    expect(errorCode(await api.gql(CONFIRM, { i: { applicationIds: [annApp] } }, recruiter.token))).toBe('BAD_USER_INPUT');
  });

  it('with autoReject (opt-in) a failed knock-out rejects at once', async () => {
    const auto = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern', autoReject: true } }, recruiter.token)).createJob;
    ok(await api.gql(PUBLISH, { id: auto.id }, recruiter.token));
    const dee = await api.user(Role.CANDIDATE);
    const app = await apply(dee, auto.id, { 'work-authorization': 'false' });
    expect(app.stage).toBe('REJECTED');
    expect(ok(await api.gql(MINE, { id: app.id }, dee.token)).application.rejectionReasons).toEqual([KNOCK_OUT]);
  });
});
