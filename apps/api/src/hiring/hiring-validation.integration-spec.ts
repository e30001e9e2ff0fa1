import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id title screeningThreshold screeningQuestions { key kind answerType options rule { acceptedValues reviewValues weight rejectionReason } } hardSkills { name weight aliases } } }`;
const UPDATE_JOB = `mutation($id: ID!, $i: UpdateJobInput!) { updateJob(id: $id, input: $i) { id screeningQuestions { key } } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id stage } }`;
const JOBS = `query($limit: Int, $offset: Int) { jobs(limit: $limit, offset: $offset) { total items { id } } }`;

const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];

const QUESTION = {
  key: 'relocation',
  prompt: 'Can you relocate?',
  kind: 'KNOCKOUT',
  justification: 'The team works from one office; the role cannot be done remotely.',
  answerType: 'CHOICE',
  options: ['Yes', 'No', 'Maybe later'],
  rule: { acceptedValues: ['Yes'], reviewValues: ['Maybe later'], rejectionReason: 'cannot relocate' },
};

describe('hiring input validation', () => {
  let api: ApiHarness;
  let recruiter: TestUser;
  let candidate: TestUser;
  let jobId: string;

  beforeAll(async () => {
    api = await startApi();
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    recruiter = await api.user(Role.RECRUITER);
    candidate = await api.user(Role.CANDIDATE);
    const job = ok(
      await api.gql(
        CREATE_JOB,
        {
          i: {
            templateKey: 'backend-engineer-intern',
            screeningQuestions: [QUESTION, { key: 'portfolio', prompt: 'Link a project you are proud of', kind: 'INFORMATIONAL', answerType: 'TEXT', required: false, rule: {} }],
            hardSkills: [{ group: 'Languages', name: 'Go', weight: 2, aliases: ['golang'] }],
          },
        },
        recruiter.token,
      ),
    ).createJob;
    jobId = job.id;
    ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token));
  });
  afterAll(() => api.close());

  it('replaces the template questions and skills with the recruiter\'s, defaults filled in', async () => {
    const job = ok(await api.gql(`query($id: ID!) { job(id: $id) { screeningQuestions { key required rule { acceptedValues reviewValues weight minLength } } hardSkills { name aliases } } }`, { id: jobId }, recruiter.token)).job;
    expect(job.screeningQuestions).toEqual([
      { key: 'relocation', required: true, rule: { acceptedValues: ['Yes'], reviewValues: ['Maybe later'], weight: 0, minLength: null } },
      { key: 'portfolio', required: false, rule: { acceptedValues: [], reviewValues: [], weight: 0, minLength: null } },
    ]);
    expect(job.hardSkills).toEqual([{ name: 'Go', aliases: ['golang'] }]);
  });

  it('names the field of each rule that does not hold together', async () => {
    const res = await api.gql(
      CREATE_JOB,
      {
        i: {
          templateKey: 'backend-engineer-intern',
          screeningThreshold: 1.5,
          screeningQuestions: [{ ...QUESTION, rule: { acceptedValues: ['Sure'], rejectionReason: 'cannot relocate' } }, { ...QUESTION, key: 'relocation', kind: 'SCORED', rule: { acceptedValues: ['Yes'] } }],
        },
      },
      recruiter.token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual(
      expect.arrayContaining([
        { field: 'screeningThreshold', message: expect.stringMatching(/<=1/) },
        { field: 'screeningQuestions.0.rule.acceptedValues.0', message: '"Sure" is not one of the options' },
        { field: 'screeningQuestions.1.rule.weight', message: 'a scored question needs a weight greater than 0' },
      ]),
    );
  });

  it('refuses a missing or ambiguous template, and class-level type errors, naming the field', async () => {
    expect(errorCode(await api.gql(CREATE_JOB, { i: { templateKey: 'no-such-template' } }, recruiter.token))).toBe('NOT_FOUND');
    const both = await api.gql(CREATE_JOB, { i: { title: 'x' } }, recruiter.token);
    expect(fields(both)).toEqual([{ field: 'templateId', message: 'give exactly one of templateId and templateKey' }]);
    const empty = await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern', title: '' } }, recruiter.token);
    expect(fields(empty).map((f) => f.field)).toEqual(['title']);
  });

  it('refuses answers to unknown questions, missing required answers and badly typed values, naming each field', async () => {
    const base = { jobId, profile: { name: 'C', email: candidate.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' } }, resume: 'Resume' };
    const res = await api.gql(APPLY, { i: { ...base, answers: [{ questionKey: 'favourite-colour', value: 'blue' }, { questionKey: 'portfolio', value: 'https://example.com/p' }] } }, candidate.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual([
      { field: 'answers.0.questionKey', message: '"favourite-colour" is not a screening question of this job' },
      { field: 'answers', message: 'the required question "relocation" is not answered' },
    ]);
    const typed = await api.gql(APPLY, { i: { ...base, answers: [{ questionKey: 'relocation', value: 'Definitely' }] } }, candidate.token);
    expect(fields(typed)).toEqual([{ field: 'answers.0.value', message: 'answer to "relocation" must be one of: "Yes", "No", "Maybe later"' }]);
  });

  it('limits the profile and the résumé', async () => {
    const res = await api.gql(
      APPLY,
      {
        i: {
          jobId,
          profile: { name: 'C', email: 'not-an-email', education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, links: ['javascript:alert(1)'], skills: [{ name: 'Go', level: 6 }] },
          answers: [{ questionKey: 'relocation', value: 'Yes' }],
          resume: 'x'.repeat(20_001),
        },
      },
      candidate.token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(fields(res).map((f) => f.field).sort()).toEqual(['profile.email', 'profile.links', 'profile.skills.0.level', 'resume']);
  });

  it('screens an ambiguous knock-out answer to REVIEW, and fixes the questions once someone applied', async () => {
    const res = ok(
      await api.gql(APPLY, { i: { jobId, profile: { name: 'C', email: candidate.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' }, skills: [{ name: 'golang', level: 5 }] }, answers: [{ questionKey: 'relocation', value: 'maybe later' }], resume: 'Resume' } }, candidate.token),
    ).applyToJob;
    expect(res.stage).toBe('SCREENED');
    const staff = ok(await api.gql(`query($id: ID!) { application(id: $id) { answers { value } screening { outcome reasons score } skillsMatch { score } } }`, { id: res.id }, recruiter.token)).application;
    expect(staff).toEqual({
      answers: [{ value: 'Maybe later' }],
      // The only other question is free text: read by a person, so there is no screening score.
      screening: { outcome: 'REVIEW', reasons: ['Review: knock-out question "relocation" answered "Maybe later", which needs a person to judge'], score: null },
      skillsMatch: { score: 1 },
    });
    const upd = await api.gql(UPDATE_JOB, { id: jobId, i: { screeningQuestions: [QUESTION] } }, recruiter.token);
    expect(errorCode(upd)).toBe('FAILED_PRECONDITION');
  });

  it('pages jobs within limits', async () => {
    const tooMany = await api.gql(JOBS, { limit: 500 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(fields(tooMany)).toEqual([{ field: 'limit', message: 'limit must not be greater than 200' }]);
    expect(ok(await api.gql(JOBS, { limit: 1, offset: 1 })).jobs).toEqual({ total: 1, items: [] });
  });
});
