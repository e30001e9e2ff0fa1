import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { errorCode, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CHECKED = `languageCheck { warnings { field word term category why suggestion source } masculineCoded feminineCoded summary } publishingWarnings payRange { min max currency period }`;
const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id ${CHECKED} } }`;
const UPDATE_JOB = `mutation($id: ID!, $i: UpdateJobInput!) { updateJob(id: $id, input: $i) { id ${CHECKED} } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id status publishingWarnings } }`;
const PUBLIC_JOB = `query($id: ID!) { job(id: $id) { title payRange { min max currency period } } }`;
const CANDIDATE_PEEK = `query($id: ID!) { job(id: $id) { title languageCheck { summary } } }`;
const CANDIDATE_PEEK_WARNINGS = `query($id: ID!) { job(id: $id) { title publishingWarnings } }`;

describe('job postings: the inclusive-language check and the pay range', () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let candidate: TestUser;
  let jobId: string;

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    [recruiter, candidate] = await Promise.all([api.user(Role.RECRUITER), api.user(Role.CANDIDATE)]);
  });
  afterAll(() => api.close());

  it('createJob answers with the wording warnings (field, word, why, alternative) and the missing pay range', async () => {
    const created = ok(
      await api.gql(
        CREATE_JOB,
        { i: { templateKey: 'backend-engineer-intern', title: 'Rockstar Backend Intern', about: 'Join our young, competitive team of digital natives.' } },
        recruiter.token,
      ),
    ).createJob;
    jobId = created.id;
    const byField = created.languageCheck.warnings.filter((w: { field: string }) => ['title', 'about'].includes(w.field));
    expect(byField.map((w: { field: string; word: string; category: string; suggestion: string | null }) => [w.field, w.word, w.category, w.suggestion])).toEqual([
      ['title', 'rockstar', 'jargon', 'skilled engineer'],
      ['about', 'young', 'age-coded', 'early-career or omit'],
      ['about', 'competitive', 'masculine-coded', 'skilled, capable'],
      ['about', 'digital natives', 'age-coded', 'people comfortable with modern tools'],
    ]);
    expect(byField[2].source).toMatch(/Gaucher, D\., Friesen, J\., & Kay, A\. C\. \(2011\)/);
    expect(byField[1].why).toMatch(/age/i);
    expect(created.languageCheck.masculineCoded).toBeGreaterThanOrEqual(1);
    expect(created.languageCheck.summary).toMatch(/^The posting /);
    expect(created.payRange).toBeNull();
    expect(created.publishingWarnings).toEqual([expect.stringMatching(/^No pay range: set payRange/), expect.stringMatching(/^No country of employment: set workplace/)]);
  });

  it('publishing is not blocked by the warnings; the answer still carries them', async () => {
    const published = ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token)).publishJob;
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishingWarnings).toHaveLength(2);
  });

  it('a pay range is validated field by field and, once set, shown to anyone on the posting', async () => {
    const bad = await api.gql(UPDATE_JOB, { id: jobId, i: { payRange: { min: 30, max: 20, currency: 'usd', period: 'HOUR' } } }, recruiter.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'payRange.max', message: 'must not be less than min' },
        { field: 'payRange.currency', message: 'must be an ISO 4217 code in capitals, e.g. "USD"' },
      ]),
    );

    const updated = ok(
      await api.gql(UPDATE_JOB, { id: jobId, i: { title: 'Backend Engineer Intern', payRange: { min: 25, max: 32.5, currency: 'USD', period: 'HOUR' } } }, recruiter.token),
    ).updateJob;
    expect(updated.payRange).toEqual({ min: 25, max: 32.5, currency: 'USD', period: 'HOUR' });
    expect(updated.publishingWarnings).toEqual([expect.stringMatching(/^No country of employment/)]);
    expect(updated.languageCheck.warnings.some((w: { field: string }) => w.field === 'title')).toBe(false);

    const anonymous = ok(await api.gql(PUBLIC_JOB, { id: jobId })).job;
    expect(anonymous).toEqual({ title: 'Backend Engineer Intern', payRange: { min: 25, max: 32.5, currency: 'USD', period: 'HOUR' } });
  });

  it('a workplace names the country of employment in the work-authorization question, for anyone', async () => {
    const bad = await api.gql(UPDATE_JOB, { id: jobId, i: { workplace: { country: 'de', remoteCountries: [] } } }, recruiter.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ field: 'workplace.country', message: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "DE"' }]);
    const updated = ok(await api.gql(UPDATE_JOB, { id: jobId, i: { workplace: { country: 'DE', remoteCountries: ['AT'] } } }, recruiter.token)).updateJob;
    expect(updated.publishingWarnings).toEqual([]);
    const job = ok(await api.gql(`query($id: ID!) { job(id: $id) { workplace { country countryName remoteCountries } screeningQuestions { key prompt } } }`, { id: jobId })).job;
    expect(job.workplace).toEqual({ country: 'DE', countryName: 'Germany', remoteCountries: ['AT'] });
    expect(job.screeningQuestions.find((q: { key: string }) => q.key === 'work-authorization').prompt).toBe(
      'Are you authorized to work in Germany or, remotely, Austria (the country of employment)?',
    );
  });

  it('candidates and anonymous readers cannot read the staff checks', async () => {
    expect(errorCode(await api.gql(CANDIDATE_PEEK, { id: jobId }, candidate.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(CANDIDATE_PEEK_WARNINGS, { id: jobId }))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});
