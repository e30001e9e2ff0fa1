import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { createLogger, projectPath } from '@app/common';
import { InterviewKind, RubricEntity, RubricVersionEntity, Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { loadRubricFiles, RubricsService, seedRubrics } from '@app/rubrics';
import { errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const RUBRIC_FIELDS = `id key name description jobId sourceRubricId currentVersion version inUse
  criteria { key title lookFor kind weight source { kind quote } anchors { level description } }
  redFlags { key title description severity source { kind quote } }`;
const RUBRICS = `query($jobId: ID, $lib: Boolean) { rubrics(jobId: $jobId, includeLibrary: $lib) { ${RUBRIC_FIELDS} } }`;
const RUBRIC = `query($id: ID!, $v: Int) { rubric(id: $id, version: $v) { ${RUBRIC_FIELDS} } }`;
const CREATE = `mutation($i: CreateRubricInput!) { createRubric(input: $i) { ${RUBRIC_FIELDS} } }`;
const CLONE = `mutation($id: ID!, $jobId: ID!, $name: String) { cloneRubric(id: $id, jobId: $jobId, name: $name) { ${RUBRIC_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateRubricInput!) { updateRubric(id: $id, input: $i) { ${RUBRIC_FIELDS} } }`;
const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id title anonymizedReview } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`;
const SCHEDULE = `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id rubricVersion rubric { version } } }`;
const SUBMIT = `mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id rubricVersion rubric { version criteria { key } } } }`;
const SCORECARDS = `query($a: ID!) { scorecards(applicationId: $a) { id rubricVersion rubric { version criteria { key title } } } }`;

const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];
const source = { kind: 'REQUIREMENT', quote: 'Strong understanding of data structures and algorithms' };
const anchors = [
  'Cannot name a data structure that fits the problem, even with hints.',
  'Reaches a brute-force answer but cannot say what it costs in time.',
  'Picks a hash map for lookups and states the O(1) average cost.',
  'Compares a hash map with a sorted array and justifies the choice.',
].map((description, i) => ({ level: i + 1, description }));
const criterion = (key: string, kind = 'CODING_FUNDAMENTALS') => ({
  key,
  title: `Criterion ${key}`,
  lookFor: 'What they choose and why',
  kind,
  weight: 1,
  source,
  anchors,
});
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

describe('rubrics: the seeded default, anchored criteria, job copies and versions', () => {
  let api: ApiHarness;
  let ds: DataSource;
  let recruiter: TestUser;
  let interviewer: TestUser;
  let candidate: TestUser;
  let defaultId: string;
  let jobId: string;
  const logger = createLogger('silent', 'test');

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    await seedHiring(api.app, { logger, demo: false });
    await seedRubrics(api.app, { logger });
    [recruiter, interviewer, candidate] = await Promise.all([
      api.user(Role.RECRUITER),
      api.user(Role.INTERVIEWER),
      api.user(Role.CANDIDATE),
    ]);
    jobId = ok(await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob.id;
  });
  afterAll(() => api.close());

  describe('the default rubric', () => {
    it('is seeded once from its data file, however often the seed step runs', async () => {
      await seedRubrics(api.app, { logger });
      expect(await ds.getRepository(RubricEntity).count()).toBe(1);
      expect(await ds.getRepository(RubricVersionEntity).count()).toBe(1);
      const [r] = ok(await api.gql(RUBRICS, {}, interviewer.token)).rubrics;
      defaultId = r.id;
      expect(r).toMatchObject({
        key: 'backend-engineer-intern',
        name: 'Backend Engineer Intern',
        jobId: null,
        currentVersion: 1,
        version: 1,
        inUse: false,
      });
    });

    it('cites, for every criterion and red flag, the FAQ sentence or job requirement it comes from, verbatim', async () => {
      const r = ok(await api.gql(RUBRIC, { id: defaultId }, interviewer.token)).rubric;
      const jd = fs.readFileSync(projectPath('libs/rubrics/data/sources/backend-engineer-intern-faq.txt'), 'utf8');
      const template = JSON.parse(fs.readFileSync(projectPath('libs/hiring/data/templates/backend-engineer-intern.json'), 'utf8'));
      const requirements: string[] = [
        ...template.responsibilities,
        ...template.qualifications,
        ...template.prerequisites,
        ...template.softSkills,
      ];
      expect(r.criteria.length).toBeGreaterThanOrEqual(10);
      for (const item of [...r.criteria, ...r.redFlags]) {
        expect(item.source.quote.length).toBeGreaterThan(20);
        const found = item.source.kind === 'FAQ' ? jd.includes(item.source.quote) : requirements.includes(item.source.quote);
        expect({ key: item.key, found }).toEqual({ key: item.key, found: true });
      }
      for (const c of r.criteria) {
        expect(c.anchors.map((a: { level: number }) => a.level)).toEqual([1, 2, 3, 4]);
        for (const a of c.anchors) expect(a.description.length).toBeGreaterThanOrEqual(25);
      }
      const byKey = Object.fromEntries(r.criteria.map((c: { key: string; kind: string }) => [c.key, c.kind]));
      expect(byKey).toMatchObject({
        'fundamentals-over-frameworks': 'CODING_FUNDAMENTALS',
        'problem-solving-approach': 'CODING_FUNDAMENTALS',
        'practical-coding-experience': 'CODING_FUNDAMENTALS',
        'api-design': 'SYSTEM_DESIGN',
        'data-modeling-and-queries': 'SYSTEM_DESIGN',
        'learning-approach': 'BEHAVIORAL',
        'past-challenges': 'BEHAVIORAL',
        'development-goals': 'BEHAVIORAL',
        communication: 'BEHAVIORAL',
        teamwork: 'BEHAVIORAL',
        'receptiveness-to-feedback': 'BEHAVIORAL',
      });
      expect(r.redFlags.map((f: { key: string; severity: string }) => `${f.key}:${f.severity}`)).toEqual([
        'cannot-explain-basic-concepts:CRITICAL',
        'no-interest-in-how-systems-work:MEDIUM',
        'resistance-to-feedback:HIGH',
        'poor-communication:HIGH',
        'cannot-work-in-teams:HIGH',
      ]);
    });

    it('is read by staff only', async () => {
      expect(errorCode(await api.gql(RUBRICS, {}, candidate.token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(RUBRIC, { id: defaultId }, candidate.token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(RUBRICS, {}))).toBe('UNAUTHENTICATED');
    });

    it('follows its data file: not editable through the API, cloned instead', async () => {
      const res = await api.gql(UPDATE, { id: defaultId, i: { name: 'Mine now' } }, recruiter.token);
      expect(errorCode(res)).toBe('FAILED_PRECONDITION');
      expect(res.errors![0].message).toMatch(/clone it for a job/);
    });
  });

  describe('anchors', () => {
    it('are required: generic labels, short anchors and missing levels answer BAD_USER_INPUT naming each field', async () => {
      const bad = [
        { ...criterion('a'), anchors: anchors.map((a, i) => (i === 2 ? { ...a, description: 'good' } : a)) },
        {
          ...criterion('b'),
          anchors: anchors.map((a, i) =>
            i === 0 ? { ...a, description: 'Poor' } : i === 3 ? { ...a, description: 'Excellent work overall' } : a,
          ),
        },
        { ...criterion('c'), anchors: anchors.map((a, i) => (i === 1 ? { ...a, description: 'Writes code slowly' } : a)) },
        { ...criterion('d'), anchors: anchors.slice(0, 3) },
      ];
      const res = await api.gql(CREATE, { i: { name: 'Vague', criteria: bad } }, recruiter.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fields(res).map((f) => f.field)).toEqual([
        'criteria.0.anchors.2.description',
        'criteria.1.anchors.0.description',
        'criteria.1.anchors.3.description',
        'criteria.2.anchors.1.description',
        'criteria.3.anchors',
      ]);
      expect(fields(res)[0].message).toBe(
        '"good" is a generic label, not an anchor: describe the behaviour an interviewer observes at this level',
      );
      expect(fields(res)[3].message).toBe('must be a sentence of observable behaviour (at least 25 characters)');
      expect(fields(res)[4].message).toBe('must have exactly 4 anchors, for levels 1 to 4');
      expect(await ds.getRepository(RubricEntity).count()).toBe(1);
    });

    it('and a source citation and known kinds', async () => {
      const res = await api.gql(
        CREATE,
        { i: { name: 'Unsourced', criteria: [{ ...criterion('a'), source: { kind: 'FAQ', quote: '' } }] } },
        recruiter.token,
      );
      expect(fields(res)).toEqual([
        { field: 'criteria.0.source.quote', message: 'must quote the FAQ sentence or job requirement (at least 10 characters)' },
      ]);
    });
  });

  describe('job copies', () => {
    let cloneId: string;
    let appId: string;

    it('a recruiter clones the default for a job and edits the copy; the default stays', async () => {
      expect(errorCode(await api.gql(CLONE, { id: defaultId, jobId }, interviewer.token))).toBe('FORBIDDEN');
      const clone = ok(await api.gql(CLONE, { id: defaultId, jobId }, recruiter.token)).cloneRubric;
      cloneId = clone.id;
      expect(clone).toMatchObject({
        key: null,
        name: 'Backend Engineer Intern (Backend Engineer Intern)',
        jobId,
        sourceRubricId: defaultId,
        currentVersion: 1,
        version: 1,
      });
      const original = ok(await api.gql(RUBRIC, { id: defaultId }, recruiter.token)).rubric;
      expect(clone.criteria).toEqual(original.criteria);
      expect(clone.redFlags).toEqual(original.redFlags);
      const edited = ok(
        await api.gql(UPDATE, { id: cloneId, i: { name: 'Intern loop', criteria: original.criteria.slice(0, 6) } }, recruiter.token),
      ).updateRubric;
      // Nothing submitted against it yet: edited in place.
      expect(edited).toMatchObject({ name: 'Intern loop', currentVersion: 1, version: 1, inUse: false });
      expect(edited.criteria).toHaveLength(6);
      expect(ok(await api.gql(RUBRIC, { id: defaultId }, recruiter.token)).rubric.criteria).toHaveLength(original.criteria.length);
    });

    it("lists a job's own rubrics beside the library", async () => {
      const names = (res: GqlResponse<Record<string, any>>) => ok(res).rubrics.map((r: { name: string }) => r.name);
      expect(names(await api.gql(RUBRICS, { jobId }, interviewer.token))).toEqual(['Backend Engineer Intern', 'Intern loop']);
      expect(names(await api.gql(RUBRICS, { jobId, lib: false }, interviewer.token))).toEqual(['Intern loop']);
      expect(names(await api.gql(RUBRICS, {}, interviewer.token))).toEqual(['Backend Engineer Intern']);
    });

    it('a rubric used by a submitted scorecard is never changed under it: the edit becomes version 2', async () => {
      ok(await api.gql(PUBLISH, { id: jobId }, recruiter.token));
      appId = ok(
        await api.gql(
          APPLY,
          {
            i: {
              jobId,
              profile: { name: 'Val Versions', email: candidate.email, education: { degree: 'BS', field: 'CS', status: 'ENROLLED' } },
              answers: ANSWERS,
              resume: 'Val. BS CS.',
            },
          },
          candidate.token,
        ),
      ).applyToJob.id;
      const iv = ok(
        await api.gql(
          SCHEDULE,
          {
            i: {
              applicationId: appId,
              interviewerId: interviewer.id,
              rubricId: cloneId,
              kind: 'CODING_FUNDAMENTALS',
              scheduledAt: '2030-01-10T10:00:00Z',
            },
          },
          recruiter.token,
        ),
      ).scheduleInterview;
      expect(iv).toMatchObject({ rubricVersion: 1, rubric: { version: 1 } });
      const v1 = ok(await api.gql(RUBRIC, { id: cloneId }, recruiter.token)).rubric;
      const coding = v1.criteria.filter((c: { kind: string }) => c.kind === 'CODING_FUNDAMENTALS');
      ok(
        await api.gql(
          SUBMIT,
          {
            i: {
              interviewId: iv.id,
              recommendation: 'YES',
              ratings: coding.map((c: { key: string }) => ({ criterionKey: c.key, rating: 3 })),
            },
          },
          interviewer.token,
        ),
      );
      expect(ok(await api.gql(RUBRIC, { id: cloneId }, recruiter.token)).rubric.inUse).toBe(true);

      const renamed = v1.criteria.map((c: { title: string }, i: number) => (i === 0 ? { ...c, title: 'Fundamentals (v2 wording)' } : c));
      const v2 = ok(await api.gql(UPDATE, { id: cloneId, i: { criteria: renamed } }, recruiter.token)).updateRubric;
      expect(v2).toMatchObject({ currentVersion: 2, version: 2, inUse: false });
      expect(v2.criteria[0].title).toBe('Fundamentals (v2 wording)');

      // The scorecard still reads version 1, and so does the rubric asked at version 1.
      const [card] = ok(await api.gql(SCORECARDS, { a: appId }, recruiter.token)).scorecards;
      expect(card).toMatchObject({ rubricVersion: 1, rubric: { version: 1 } });
      expect(card.rubric.criteria[0].title).toBe(v1.criteria[0].title);
      expect(ok(await api.gql(RUBRIC, { id: cloneId, v: 1 }, recruiter.token)).rubric).toMatchObject({
        version: 1,
        currentVersion: 2,
        inUse: true,
      });
      expect(ok(await api.gql(RUBRIC, { id: cloneId, v: 1 }, recruiter.token)).rubric.criteria).toEqual(v1.criteria);

      // Version 2 is not used yet: a further edit changes it in place.
      const again = ok(await api.gql(UPDATE, { id: cloneId, i: { redFlags: v1.redFlags.slice(0, 2) } }, recruiter.token)).updateRubric;
      expect(again).toMatchObject({ currentVersion: 2, version: 2 });
      expect(await ds.getRepository(RubricVersionEntity).countBy({ rubricId: cloneId })).toBe(2);
      // New interviews pin the current version.
      const next = ok(
        await api.gql(
          SCHEDULE,
          {
            i: {
              applicationId: appId,
              interviewerId: interviewer.id,
              rubricId: cloneId,
              kind: 'SYSTEM_DESIGN',
              scheduledAt: '2030-01-11T10:00:00Z',
            },
          },
          recruiter.token,
        ),
      ).scheduleInterview;
      expect(next).toMatchObject({ rubricVersion: 2, rubric: { version: 2 } });
    });

    it('a seeded rubric follows a changed data file in place until a submitted scorecard uses it, then by a new version', async () => {
      const [file] = loadRubricFiles();
      const svc = api.app.get(RubricsService);
      const reworded = (lookFor: string) => ({
        ...file,
        content: { ...file.content, criteria: file.content.criteria.map((c, i) => (i === 0 ? { ...c, lookFor } : c)) },
      });
      expect(await svc.sync([reworded('First rewording of what to look for')])).toEqual({
        created: [],
        updated: ['backend-engineer-intern'],
        unchanged: [],
      });
      const first = ok(await api.gql(RUBRIC, { id: defaultId }, recruiter.token)).rubric;
      expect([first.currentVersion, first.criteria[0].lookFor]).toEqual([1, 'First rewording of what to look for']);

      const iv = ok(
        await api.gql(
          SCHEDULE,
          {
            i: {
              applicationId: appId,
              interviewerId: interviewer.id,
              rubricId: defaultId,
              kind: 'BEHAVIORAL',
              scheduledAt: '2030-01-12T10:00:00Z',
            },
          },
          recruiter.token,
        ),
      ).scheduleInterview;
      const behavioral = file.content.criteria.filter((c) => c.kind === InterviewKind.BEHAVIORAL);
      ok(
        await api.gql(
          SUBMIT,
          { i: { interviewId: iv.id, recommendation: 'NO', ratings: behavioral.map((c) => ({ criterionKey: c.key, rating: 2 })) } },
          interviewer.token,
        ),
      );

      expect(await svc.sync([reworded('Second rewording of what to look for')])).toEqual({
        created: [],
        updated: ['backend-engineer-intern'],
        unchanged: [],
      });
      const v2 = ok(await api.gql(RUBRIC, { id: defaultId }, recruiter.token)).rubric;
      expect([v2.currentVersion, v2.version, v2.inUse, v2.criteria[0].lookFor]).toEqual([
        2,
        2,
        false,
        'Second rewording of what to look for',
      ]);
      const v1 = ok(await api.gql(RUBRIC, { id: defaultId, v: 1 }, recruiter.token)).rubric;
      expect([v1.version, v1.inUse, v1.criteria[0].lookFor]).toEqual([1, true, 'First rewording of what to look for']);
      // Back to the file as it is: version 2 is unused, so it changes in place; running it again changes nothing.
      expect(await svc.sync([file])).toEqual({ created: [], updated: ['backend-engineer-intern'], unchanged: [] });
      expect(await svc.sync([file])).toEqual({ created: [], updated: [], unchanged: ['backend-engineer-intern'] });
      expect(await ds.getRepository(RubricVersionEntity).countBy({ rubricId: defaultId })).toBe(2);
    });
  });
});
