import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import {
  AssessmentEntity,
  AttemptEntity,
  AttemptStatus,
  Language,
  ProblemEntity,
  Role,
  RubricEntity,
  RubricVersionEntity,
  SubmissionEntity,
  SubmissionKind,
  SubmissionState,
  Verdict,
} from '@app/domain';
import { seedHiring } from '@app/hiring';
import { CalibrationService, DEFAULT_RUBRIC_KEY, ScorecardsService, seedRubrics } from '@app/rubrics';
import { errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TestUser } from '@app/api-testing';

const CREATE_JOB = `mutation($i: CreateJobInput!) { createJob(input: $i) { id anonymizedReview } }`;
const UPDATE_JOB = `mutation($id: ID!, $i: UpdateJobInput!) { updateJob(id: $id, input: $i) { id anonymizedReview } }`;
const PUBLISH = `mutation($id: ID!) { publishJob(id: $id) { id } }`;
const APPLY = `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`;
const MOVE = `mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { id stage } }`;
const SCHEDULE = `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id status kind rubricVersion interviewer { id } } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelInterview(id: $id, reason: $reason) { id status cancelReason } }`;
const MY = `{ myInterviews { id kind status applicationId } }`;
const INTERVIEW = `query($id: ID!) { interview(id: $id) { id kind status } }`;
const CANDIDATE = `query($id: ID!) { interview(id: $id) { candidate { applicationId jobTitle stage anonymized name email links education { degree field institution } skills { name level } resume } } }`;
const APP_IDENTITY = `query($id: ID!) { application(id: $id) { profile { name email links education { institution } skills { name } } resume candidate { email } } }`;
const DRAFT = `mutation($i: ScorecardDraftInput!) { saveScorecardDraft(input: $i) { id status version ratings { criterionKey rating evidence } recommendation notes } }`;
const SUBMIT = `mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id status version submittedAt weightedScore redFlags { key title severity evidence } } }`;
const AMEND = `mutation($i: AmendScorecardInput!) { amendScorecard(input: $i) { id status version amendedAt recommendation
  versions { version recommendation reason authorId ratings { criterionKey rating } } } }`;
const SCORECARDS = `query($a: ID!) { scorecards(applicationId: $a) { id interviewerId status } }`;
const VIA_INTERVIEW = `query($id: ID!) { interview(id: $id) { scorecard { id } scorecards { id interviewerId status } } }`;
const VIA_APPLICATION = `query($id: ID!) { application(id: $id) { interviews { id interviewerId } scorecards { id interviewerId status } } }`;
const VIA_APPLICATIONS = `query($job: ID) { applications(jobId: $job) { items { id scorecards { id interviewerId } interviews { id } } } }`;
const VIA_MY = `{ myInterviews { id scorecard { id } scorecards { id interviewerId } } }`;

const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];
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
const CODING = [
  'fundamentals-over-frameworks',
  'data-structures-and-algorithms',
  'problem-solving-approach',
  'practical-coding-experience',
  'clean-maintainable-code',
];
const rate = (keys: string[], rating: number) =>
  keys.map((criterionKey) => ({ criterionKey, rating, evidence: rating === 1 || rating === 4 ? `Observed for ${criterionKey}` : null }));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('interviews and scorecards: scheduling, what interviewers see, the blind rule, amendments', () => {
  let api: ApiHarness;
  let ds: DataSource;
  let admin: TestUser;
  let recruiter: TestUser;
  let ivy: TestUser;
  let ian: TestUser;
  let ira: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let anonJob: string;
  let openJob: string;
  let annApp: string;
  let bobApp: string;
  let rubricId: string;
  let ivyIv: string;
  let ianIv: string;
  let ivyCard: string;
  let ianCard: string;

  const schedule = (interviewer: TestUser, applicationId: string, kind: string, at = '2030-03-01T09:00:00Z', token = recruiter.token) =>
    api.gql(SCHEDULE, { i: { applicationId, interviewerId: interviewer.id, rubricId, kind, scheduledAt: at } }, token);
  const apply = async (jobId: string, who: TestUser, name: string) =>
    ok(
      await api.gql(
        APPLY,
        {
          i: {
            jobId,
            profile: {
              name,
              email: who.email,
              education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED', institution: 'State University' },
              links: [`https://github.com/${name.split(' ')[0].toLowerCase()}`],
              skills: [{ name: 'Node', level: 4 }],
            },
            answers: ANSWERS,
            resume: `${name}. BS Computer Science, State University. Built a URL shortener.`,
          },
        },
        who.token,
      ),
    ).applyToJob.id as string;

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    const logger = createLogger('silent', 'test');
    await seedHiring(api.app, { logger, demo: false });
    await seedRubrics(api.app, { logger });
    [admin, recruiter, ivy, ian, ira, ann, bob] = await Promise.all([
      api.user(Role.ADMIN),
      api.user(Role.RECRUITER),
      api.user(Role.INTERVIEWER),
      api.user(Role.INTERVIEWER),
      api.user(Role.INTERVIEWER),
      api.user(Role.CANDIDATE),
      api.user(Role.CANDIDATE),
    ]);
    const anon = ok(
      await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern', anonymizedReview: true } }, recruiter.token),
    ).createJob;
    expect(anon.anonymizedReview).toBe(true);
    anonJob = anon.id;
    openJob = ok(
      await api.gql(CREATE_JOB, { i: { templateKey: 'backend-engineer-intern', title: 'Backend Intern (open review)' } }, recruiter.token),
    ).createJob.id;
    for (const id of [anonJob, openJob]) ok(await api.gql(PUBLISH, { id }, recruiter.token));
    annApp = await apply(anonJob, ann, 'Ann Example');
    bobApp = await apply(openJob, bob, 'Bob Sample');
    rubricId = (await ds.getRepository(RubricEntity).findOneByOrFail({ key: DEFAULT_RUBRIC_KEY })).id;

    // Ann took an assessment with a private 50% extra-time accommodation.
    const problem = await ds
      .getRepository(ProblemEntity)
      .save(
        ds
          .getRepository(ProblemEntity)
          .create({
            slug: 'merge-intervals-x',
            title: 'Merge intervals',
            definition: {},
            referenceSolutions: [],
            difficulty: 'Easy',
            tags: [],
            createdById: null,
          }),
      );
    const assessment = await ds
      .getRepository(AssessmentEntity)
      .save(
        ds
          .getRepository(AssessmentEntity)
          .create({
            jobId: anonJob,
            title: 'Intern coding assessment',
            instructions: 'Solve it',
            durationMinutes: 60,
            problems: [{ problemId: problem.id, points: 100 }],
            createdById: recruiter.id,
          }),
      );
    const started = new Date('2030-02-01T10:00:00Z');
    const attempt = await ds.getRepository(AttemptEntity).save(
      ds.getRepository(AttemptEntity).create({
        assessmentId: assessment.id,
        applicationId: annApp,
        candidateId: ann.id,
        tokenHash: createHash('sha256').update('token-of-ann').digest('hex'),
        status: AttemptStatus.FINISHED,
        extraTimePercent: 50,
        invitedById: recruiter.id,
        startedAt: started,
        deadline: new Date(started.getTime() + 90 * 60_000),
        finishedAt: new Date(started.getTime() + 80 * 60_000),
      }),
    );
    await ds.getRepository(SubmissionEntity).save(
      ds.getRepository(SubmissionEntity).create({
        kind: SubmissionKind.SUBMISSION,
        problemId: problem.id,
        problemVersion: 1,
        userId: ann.id,
        attemptId: attempt.id,
        language: Language.JAVASCRIPT,
        source: 'function merge() {}',
        state: SubmissionState.FINISHED,
        verdict: Verdict.WRONG_ANSWER,
        score: 0.5,
        passed: 3,
        total: 6,
        finishedAt: new Date(started.getTime() + 70 * 60_000),
      }),
    );
  });
  afterAll(() => api.close());

  describe('scheduling', () => {
    it('is for recruiters and admins, with a staff interviewer, a rubric of the job or the library, and a kind it covers', async () => {
      expect(errorCode(await schedule(ivy, annApp, 'CODING_FUNDAMENTALS', undefined, ivy.token))).toBe('FORBIDDEN');
      expect(errorCode(await schedule(ivy, annApp, 'CODING_FUNDAMENTALS', undefined, ann.token))).toBe('FORBIDDEN');
      expect(fields(await schedule(ann, annApp, 'CODING_FUNDAMENTALS'))).toEqual([
        { field: 'interviewerId', message: 'must be an active interviewer, recruiter or admin' },
      ]);
      const bad = await api.gql(
        SCHEDULE,
        { i: { applicationId: annApp, interviewerId: ivy.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: 'next tuesday' } },
        recruiter.token,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await api.gql(
            SCHEDULE,
            { i: { applicationId: 'nope', interviewerId: ivy.id, rubricId, kind: 'BEHAVIORAL', scheduledAt: '2030-03-01T09:00:00Z' } },
            recruiter.token,
          ),
        ),
      ).toBe('NOT_FOUND');
      // A job's own rubric is for that job only.
      const clone = ok(
        await api.gql(
          `mutation($id: ID!, $j: ID!) { cloneRubric(id: $id, jobId: $j) { id } }`,
          { id: rubricId, j: openJob },
          recruiter.token,
        ),
      ).cloneRubric.id;
      const wrongJob = await api.gql(
        SCHEDULE,
        { i: { applicationId: annApp, interviewerId: ivy.id, rubricId: clone, kind: 'BEHAVIORAL', scheduledAt: '2030-03-01T09:00:00Z' } },
        recruiter.token,
      );
      expect(fields(wrongJob).map((f) => f.field)).toEqual(['rubricId']);
    });

    it('pins the current rubric version and moves the application to INTERVIEW, in its history', async () => {
      const iv = ok(await schedule(ivy, annApp, 'CODING_FUNDAMENTALS')).scheduleInterview;
      ivyIv = iv.id;
      expect(iv).toMatchObject({ status: 'SCHEDULED', kind: 'CODING_FUNDAMENTALS', rubricVersion: 1, interviewer: { id: ivy.id } });
      const history = ok(
        await api.gql(
          `query($id: ID!) { applicationHistory(applicationId: $id) { toStage actorRole reason } }`,
          { id: annApp },
          recruiter.token,
        ),
      ).applicationHistory;
      expect(history.at(-1)).toEqual({
        toStage: 'INTERVIEW',
        actorRole: 'RECRUITER',
        reason: expect.stringMatching(/^CODING_FUNDAMENTALS interview scheduled with /),
      });
      ianIv = ok(await schedule(ian, annApp, 'BEHAVIORAL', '2030-03-01T11:00:00Z', admin.token)).scheduleInterview.id;
      const twin = await schedule(ivy, annApp, 'CODING_FUNDAMENTALS');
      expect(errorCode(twin)).toBe('CONFLICT');
      ok(await schedule(ivy, bobApp, 'SYSTEM_DESIGN', '2030-02-28T09:00:00Z'));
    });

    it("gives each interviewer their own interviews, soonest first; another's is NOT_FOUND", async () => {
      expect(ok(await api.gql(MY, {}, ivy.token)).myInterviews.map((i: { kind: string }) => i.kind)).toEqual([
        'SYSTEM_DESIGN',
        'CODING_FUNDAMENTALS',
      ]);
      expect(ok(await api.gql(MY, {}, ira.token)).myInterviews).toEqual([]);
      expect(ok(await api.gql(INTERVIEW, { id: ivyIv }, ivy.token)).interview).toMatchObject({ id: ivyIv });
      expect(errorCode(await api.gql(INTERVIEW, { id: ianIv }, ivy.token))).toBe('NOT_FOUND');
      expect(ok(await api.gql(INTERVIEW, { id: ianIv }, recruiter.token)).interview).toMatchObject({ id: ianIv, kind: 'BEHAVIORAL' });
      expect(errorCode(await api.gql(INTERVIEW, { id: ivyIv }, ann.token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(MY, {}, ann.token))).toBe('FORBIDDEN');
    });

    it('cancels a scheduled interview with a reason, and frees the slot', async () => {
      const extra = ok(await schedule(ira, bobApp, 'BEHAVIORAL')).scheduleInterview.id;
      expect(errorCode(await api.gql(CANCEL, { id: extra, reason: 'x' }, ira.token))).toBe('FORBIDDEN');
      expect(fields(await api.gql(CANCEL, { id: extra, reason: '  ' }, recruiter.token))).toEqual([
        { field: 'reason', message: 'a reason is required' },
      ]);
      expect(ok(await api.gql(CANCEL, { id: extra, reason: 'Interviewer out sick' }, recruiter.token)).cancelInterview).toEqual({
        id: extra,
        status: 'CANCELLED',
        cancelReason: 'Interviewer out sick',
      });
      expect(errorCode(await api.gql(DRAFT, { i: { interviewId: extra, notes: 'x' } }, ira.token))).toBe('FAILED_PRECONDITION');
      expect(errorCode(await api.gql(CANCEL, { id: extra, reason: 'again' }, recruiter.token))).toBe('FAILED_PRECONDITION');
    });
  });

  describe('what the interviewer sees', () => {
    it('under anonymized review: no name, email, links, institution or résumé until the application is shortlisted', async () => {
      const seen = ok(await api.gql(CANDIDATE, { id: ivyIv }, ivy.token)).interview.candidate;
      expect(seen).toEqual({
        applicationId: annApp,
        jobTitle: 'Backend Engineer Intern',
        stage: 'INTERVIEW',
        anonymized: true,
        name: null,
        email: null,
        links: [],
        education: { degree: 'BS', field: 'Computer Science', institution: null },
        skills: [{ name: 'Node', level: 4 }],
        resume: null,
      });
      expect(JSON.stringify(seen)).not.toMatch(/Ann|ann|github/);
      // Recruiters run the process: they see who it is.
      expect(ok(await api.gql(CANDIDATE, { id: ivyIv }, recruiter.token)).interview.candidate).toMatchObject({
        anonymized: false,
        name: 'Ann Example',
        email: ann.email,
      });
    });

    it('and not through the application either: profile, résumé, account and history hide the identity', async () => {
      const app = ok(await api.gql(APP_IDENTITY, { id: annApp }, ivy.token)).application;
      expect(app).toEqual({
        profile: { name: null, email: null, links: [], education: { institution: null }, skills: [{ name: 'Node' }] },
        resume: null,
        candidate: null,
      });
      const list = ok(
        await api.gql(
          `query($j: ID) { applications(jobId: $j) { items { profile { name email } candidate { email } } } }`,
          { j: anonJob },
          ivy.token,
        ),
      ).applications.items;
      expect(list).toEqual([{ profile: { name: null, email: null }, candidate: null }]);
      const history = ok(
        await api.gql(
          `query($id: ID!) { applicationHistory(applicationId: $id) { actorRole actor { email } } }`,
          { id: annApp },
          ivy.token,
        ),
      ).applicationHistory;
      expect(history[0]).toEqual({ actorRole: 'CANDIDATE', actor: null });
      expect(ok(await api.gql(APP_IDENTITY, { id: annApp }, recruiter.token)).application.profile.name).toBe('Ann Example');
      expect(
        ok(await api.gql(`query($id: ID!) { application(id: $id) { profile { name } resume } }`, { id: annApp }, ann.token)).application,
      ).toEqual({
        profile: { name: 'Ann Example' },
        resume: 'Ann Example. BS Computer Science, State University. Built a URL shortener.',
      });
    });

    it('without anonymized review, the interviewer sees the candidate', async () => {
      const bobIv = ok(await api.gql(MY, {}, ivy.token)).myInterviews.find((i: { applicationId: string }) => i.applicationId === bobApp).id;
      expect(ok(await api.gql(CANDIDATE, { id: bobIv }, ivy.token)).interview.candidate).toMatchObject({
        anonymized: false,
        name: 'Bob Sample',
        email: bob.email,
        links: ['https://github.com/bob'],
      });
    });

    it('sees the assessment results, never the accommodation nor the timing it would show in', async () => {
      const q = `query($id: ID!) { interview(id: $id) { assessmentResults { title status pointsPossible pointsEarned score
        problems { position title points bestScore pointsEarned bestVerdict verdicts submissionsCount } } } }`;
      const res = await api.gql(q, { id: ivyIv }, ivy.token);
      expect(ok(res).interview.assessmentResults).toEqual([
        {
          title: 'Intern coding assessment',
          status: 'FINISHED',
          pointsPossible: 100,
          pointsEarned: 50,
          score: 0.5,
          problems: [
            {
              position: 0,
              title: 'Merge intervals',
              points: 100,
              bestScore: 0.5,
              pointsEarned: 50,
              bestVerdict: 'WRONG_ANSWER',
              verdicts: ['WRONG_ANSWER'],
              submissionsCount: 1,
            },
          ],
        },
      ]);
      for (const field of ['extraTimePercent', 'deadline', 'startedAt', 'attempt { id }']) {
        const probe = await api.gql(`query($id: ID!) { interview(id: $id) { assessmentResults { ${field} } } }`, { id: ivyIv }, ivy.token);
        expect([field, errorCode(probe)]).toEqual([field, 'GRAPHQL_VALIDATION_FAILED']);
      }
      // The attempt's own guarded field stays recruiters' and admins' only.
      const attemptId = (await ds.getRepository(AttemptEntity).findOneByOrFail({ applicationId: annApp })).id;
      const guarded = `query($id: ID!) { attemptResults(attemptId: $id) { attempt { extraTimePercent } } }`;
      expect(errorCode(await api.gql(guarded, { id: attemptId }, ivy.token))).toBe('FORBIDDEN');
      expect(ok(await api.gql(guarded, { id: attemptId }, recruiter.token)).attemptResults.attempt.extraTimePercent).toBe(50);
    });

    it('reveals the identity once the application is shortlisted', async () => {
      ok(await api.gql(MOVE, { i: { applicationId: annApp, to: 'SHORTLISTED', reason: 'Strong assessment' } }, recruiter.token));
      expect(ok(await api.gql(CANDIDATE, { id: ivyIv }, ivy.token)).interview.candidate).toMatchObject({
        stage: 'SHORTLISTED',
        anonymized: false,
        name: 'Ann Example',
        email: ann.email,
        links: ['https://github.com/ann'],
        education: { institution: 'State University' },
      });
      expect(ok(await api.gql(APP_IDENTITY, { id: annApp }, ivy.token)).application.candidate).toEqual({ email: ann.email });
      // Another interview round hides it again until the next shortlisting; turning the setting off reveals it.
      ok(await api.gql(MOVE, { i: { applicationId: annApp, to: 'INTERVIEW', reason: 'One more round' } }, recruiter.token));
      expect(ok(await api.gql(CANDIDATE, { id: ivyIv }, ivy.token)).interview.candidate.anonymized).toBe(true);
      expect(
        ok(await api.gql(UPDATE_JOB, { id: anonJob, i: { anonymizedReview: false } }, recruiter.token)).updateJob.anonymizedReview,
      ).toBe(false);
      expect(ok(await api.gql(CANDIDATE, { id: ivyIv }, ivy.token)).interview.candidate.name).toBe('Ann Example');
      ok(await api.gql(UPDATE_JOB, { id: anonJob, i: { anonymizedReview: true } }, recruiter.token));
    });
  });

  describe('scorecards', () => {
    it('only the interviewer writes their scorecard', async () => {
      expect(errorCode(await api.gql(DRAFT, { i: { interviewId: ivyIv, notes: 'x' } }, ian.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(DRAFT, { i: { interviewId: ivyIv, notes: 'x' } }, recruiter.token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(DRAFT, { i: { interviewId: ivyIv, notes: 'x' } }, ann.token))).toBe('FORBIDDEN');
    });

    it('saves an incomplete draft, but not ratings of another kind or off the scale', async () => {
      const bad = await api.gql(
        DRAFT,
        {
          i: {
            interviewId: ivyIv,
            ratings: [
              { criterionKey: 'teamwork', rating: 3 },
              { criterionKey: 'fundamentals-over-frameworks', rating: 5 },
            ],
          },
        },
        ivy.token,
      );
      expect(fields(bad)).toEqual([
        { field: 'ratings.0.criterionKey', message: '"teamwork" is not a CODING_FUNDAMENTALS criterion of this rubric version' },
        { field: 'ratings.1.rating', message: 'must be 1, 2, 3 or 4, or null for "not observed"' },
      ]);
      const draft = ok(
        await api.gql(
          DRAFT,
          { i: { interviewId: ivyIv, ratings: [{ criterionKey: 'fundamentals-over-frameworks', rating: 4 }], notes: ' First notes ' } },
          ivy.token,
        ),
      ).saveScorecardDraft;
      ivyCard = draft.id;
      expect(draft).toMatchObject({
        status: 'DRAFT',
        version: 0,
        ratings: [{ criterionKey: 'fundamentals-over-frameworks', rating: 4, evidence: null }],
        recommendation: null,
        notes: 'First notes',
      });
      // Fields left out keep their value.
      const again = ok(await api.gql(DRAFT, { i: { interviewId: ivyIv, recommendation: 'YES' } }, ivy.token)).saveScorecardDraft;
      expect(again).toMatchObject({
        id: ivyCard,
        recommendation: 'YES',
        notes: 'First notes',
        ratings: [{ criterionKey: 'fundamentals-over-frameworks', rating: 4 }],
      });
    });

    it('refuses a submission without evidence for 1 and 4, a rating for every criterion, evidence for red flags or a recommendation', async () => {
      const res = await api.gql(
        SUBMIT,
        {
          i: {
            interviewId: ianIv,
            ratings: [
              { criterionKey: 'learning-approach', rating: 1 },
              { criterionKey: 'teamwork', rating: 4, evidence: '  ' },
            ],
            redFlags: [{ key: 'poor-communication', evidence: '' }],
          },
        },
        ian.token,
      );
      expect(fields(res)).toEqual([
        {
          field: 'ratings',
          message: `every BEHAVIORAL criterion needs a rating or "not observed" (rating null); missing: past-challenges, development-goals, communication, receptiveness-to-feedback`,
        },
        { field: 'ratings.0.evidence', message: 'a rating of 1 needs evidence: what did the candidate say or do?' },
        { field: 'ratings.1.evidence', message: 'a rating of 4 needs evidence: what did the candidate say or do?' },
        { field: 'redFlags.0.evidence', message: 'a red flag needs evidence: what did the candidate say or do?' },
        { field: 'recommendation', message: 'is required: STRONG_NO, NO, YES or STRONG_YES' },
      ]);
      expect(
        ok(await api.gql(SCORECARDS, { a: annApp }, recruiter.token)).scorecards.map((s: { interviewerId: string }) => s.interviewerId),
      ).toEqual([ivy.id]);
    });

    it('submits with a weighted score and red flags with their severity, and completes the interview', async () => {
      const card = ok(
        await api.gql(
          SUBMIT,
          {
            i: {
              interviewId: ianIv,
              ratings: [
                ...rate(['learning-approach', 'past-challenges', 'development-goals'], 3),
                ...rate(['communication', 'teamwork', 'receptiveness-to-feedback'], 2),
              ],
              redFlags: [{ key: 'resistance-to-feedback', evidence: 'Argued with the hint about the off-by-one instead of checking it' }],
              recommendation: 'NO',
            },
          },
          ian.token,
        ),
      ).submitScorecard;
      ianCard = card.id;
      // Weights 2,1,1 at 3 (2/3) and 2,2,2 at 2 (1/3): (4 x 2/3 + 6 x 1/3) / 10 = 0.4667
      expect(card).toMatchObject({ status: 'SUBMITTED', version: 1, weightedScore: 0.4667 });
      expect(card.redFlags).toEqual([
        {
          key: 'resistance-to-feedback',
          title: 'Resistance to feedback',
          severity: 'HIGH',
          evidence: 'Argued with the hint about the off-by-one instead of checking it',
        },
      ]);
      expect(ok(await api.gql(INTERVIEW, { id: ianIv }, ian.token)).interview.status).toBe('COMPLETED');
      expect(errorCode(await api.gql(SUBMIT, { i: { interviewId: ianIv, recommendation: 'YES' } }, ian.token))).toBe('FAILED_PRECONDITION');
      expect(errorCode(await api.gql(DRAFT, { i: { interviewId: ianIv, notes: 'changed my mind' } }, ian.token))).toBe(
        'FAILED_PRECONDITION',
      );
      const used = await ds.getRepository(RubricVersionEntity).findOneByOrFail({ rubricId, version: 1 });
      expect(used.submittedScorecards).toBe(1);
    });
  });

  describe('the blind rule, through every path', () => {
    const seenBy = async (u: TestUser) => {
      const root = ok(await api.gql(SCORECARDS, { a: annApp }, u.token)).scorecards;
      const app = ok(await api.gql(VIA_APPLICATION, { id: annApp }, u.token)).application;
      const list = ok(await api.gql(VIA_APPLICATIONS, { job: anonJob }, u.token)).applications.items.find(
        (a: { id: string }) => a.id === annApp,
      );
      return { root: ids(root), application: ids(app.scorecards), applications: ids(list.scorecards) };
    };

    it('before submitting, an interviewer reads only their own draft (and only their own interview)', async () => {
      expect(await seenBy(ivy)).toEqual({ root: [ivyCard], application: [ivyCard], applications: [ivyCard] });
      const viaInterview = ok(await api.gql(VIA_INTERVIEW, { id: ivyIv }, ivy.token)).interview;
      expect(viaInterview).toEqual({ scorecard: { id: ivyCard }, scorecards: [{ id: ivyCard, interviewerId: ivy.id, status: 'DRAFT' }] });
      const mine = ok(await api.gql(VIA_MY, {}, ivy.token)).myInterviews.find((i: { id: string }) => i.id === ivyIv);
      expect(mine.scorecards).toEqual([{ id: ivyCard, interviewerId: ivy.id }]);
      expect(ok(await api.gql(VIA_APPLICATION, { id: annApp }, ivy.token)).application.interviews).toEqual([
        { id: ivyIv, interviewerId: ivy.id },
      ]);
      expect(JSON.stringify(ok(await api.gql(VIA_APPLICATIONS, { job: anonJob }, ivy.token)))).not.toContain(ianCard);
      // An interviewer of none of the application's interviews does not even find the application.
      expect(errorCode(await api.gql(SCORECARDS, { a: annApp }, ira.token))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(VIA_APPLICATION, { id: annApp }, ira.token))).toBe('NOT_FOUND');
      const iraList = ok(await api.gql(VIA_APPLICATIONS, { job: anonJob }, ira.token)).applications.items as { id: string }[];
      expect(iraList.map((a) => a.id)).not.toContain(annApp);
    });

    it('recruiters and admins read all, drafts included', async () => {
      for (const u of [recruiter, admin])
        expect(await seenBy(u)).toEqual({
          root: ids([{ id: ivyCard }, { id: ianCard }]),
          application: ids([{ id: ivyCard }, { id: ianCard }]),
          applications: ids([{ id: ivyCard }, { id: ianCard }]),
        });
      expect(ids(ok(await api.gql(VIA_INTERVIEW, { id: ivyIv }, recruiter.token)).interview.scorecards)).toEqual(
        ids([{ id: ivyCard }, { id: ianCard }]),
      );
      expect(ok(await api.gql(VIA_APPLICATION, { id: annApp }, recruiter.token)).application.interviews).toHaveLength(2);
    });

    it('candidates never', async () => {
      expect(errorCode(await api.gql(SCORECARDS, { a: annApp }, ann.token))).toBe('FORBIDDEN');
      const nested = await api.gql(`query($id: ID!) { application(id: $id) { id scorecards { id } } }`, { id: annApp }, ann.token);
      expect(errorCode(nested)).toBe('FORBIDDEN');
      expect(nested.errors![0].path).toEqual(['application', 'scorecards']);
      expect(errorCode(await api.gql(`query($id: ID!) { application(id: $id) { interviews { id } } }`, { id: annApp }, ann.token))).toBe(
        'FORBIDDEN',
      );
    });

    it("after submitting, the interviewer reads the others' submitted scorecards, never a colleague's draft", async () => {
      // A third interviewer starts a draft for the same application.
      const iraIv = ok(await schedule(ira, annApp, 'SYSTEM_DESIGN')).scheduleInterview.id;
      const iraCard = ok(await api.gql(DRAFT, { i: { interviewId: iraIv, notes: 'halfway' } }, ira.token)).saveScorecardDraft.id;
      ok(
        await api.gql(
          SUBMIT,
          {
            i: {
              interviewId: ivyIv,
              ratings: [...rate(['fundamentals-over-frameworks'], 4), ...rate(CODING.slice(1), 3)],
              recommendation: 'STRONG_YES',
            },
          },
          ivy.token,
        ),
      );
      const both = ids([{ id: ivyCard }, { id: ianCard }]);
      expect(await seenBy(ivy)).toEqual({ root: both, application: both, applications: both });
      expect(ok(await api.gql(VIA_INTERVIEW, { id: ivyIv }, ivy.token)).interview.scorecard).toEqual({ id: ivyCard });
      expect(ids(ok(await api.gql(VIA_INTERVIEW, { id: ivyIv }, ivy.token)).interview.scorecards)).toEqual(both);
      // Ira, still drafting, reads only her own; recruiters read all three.
      expect(await seenBy(ira)).toEqual({ root: [iraCard], application: [iraCard], applications: [iraCard] });
      expect((await seenBy(recruiter)).root).toEqual(ids([{ id: ivyCard }, { id: ianCard }, { id: iraCard }]));
      // Ian submitted, but is blind again while a second interview of his for the application is pending.
      const second = ok(await schedule(ian, annApp, 'SYSTEM_DESIGN', '2030-03-02T09:00:00Z')).scheduleInterview.id;
      expect((await seenBy(ian)).root).toEqual([ianCard]);
      ok(await api.gql(CANCEL, { id: second, reason: 'Not needed after all' }, recruiter.token));
      expect((await seenBy(ian)).root).toEqual(both);
    });
  });

  describe('amendments', () => {
    it("need a reason, are the interviewer's own, and keep every version", async () => {
      expect(fields(await api.gql(AMEND, { i: { scorecardId: ivyCard, reason: ' ', recommendation: 'YES' } }, ivy.token))).toEqual([
        { field: 'reason', message: 'a reason is required' },
      ]);
      expect(errorCode(await api.gql(AMEND, { i: { scorecardId: ivyCard, reason: 'I disagree', recommendation: 'NO' } }, ian.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await api.gql(AMEND, { i: { scorecardId: ivyCard, reason: 'x', recommendation: 'NO' } }, ann.token))).toBe(
        'FORBIDDEN',
      );
      const bad = await api.gql(
        AMEND,
        { i: { scorecardId: ivyCard, reason: 'Typo', ratings: rate(CODING, 3).map((r, i) => (i === 0 ? { ...r, rating: 1 } : r)) } },
        ivy.token,
      );
      expect(fields(bad)).toEqual([
        { field: 'ratings.0.evidence', message: 'a rating of 1 needs evidence: what did the candidate say or do?' },
      ]);

      const amended = ok(
        await api.gql(
          AMEND,
          {
            i: {
              scorecardId: ivyCard,
              reason: 'Re-read my notes: the hash map choice came after a hint',
              recommendation: 'YES',
              ratings: rate(CODING, 3),
            },
          },
          ivy.token,
        ),
      ).amendScorecard;
      expect(amended).toMatchObject({ id: ivyCard, status: 'SUBMITTED', version: 2, recommendation: 'YES' });
      expect(amended.amendedAt).toEqual(expect.any(String));
      expect(
        amended.versions.map((v: { version: number; recommendation: string; reason: string | null; authorId: string }) => [
          v.version,
          v.recommendation,
          v.reason,
          v.authorId,
        ]),
      ).toEqual([
        [1, 'STRONG_YES', null, ivy.id],
        [2, 'YES', 'Re-read my notes: the hash map choice came after a hint', ivy.id],
      ]);
      expect(amended.versions[0].ratings[0]).toEqual({ criterionKey: 'fundamentals-over-frameworks', rating: 4 });
      expect(amended.versions[1].ratings[0]).toEqual({ criterionKey: 'fundamentals-over-frameworks', rating: 3 });
      expect(errorCode(await api.gql(AMEND, { i: { scorecardId: ivyCard, reason: 'x' } }, ira.token))).toBe('NOT_FOUND');
    });
  });

  describe('the service API the shortlist reads', () => {
    it('gives submitted scorecards per application with weighted 0-1 ratings and red flags, and calibration per interviewer', async () => {
      const byApp = await api.app.get(ScorecardsService).submittedForApplications([annApp, bobApp]);
      expect(byApp.get(bobApp)).toEqual([]);
      const cards = byApp.get(annApp)!;
      expect(cards.map((c) => [c.interviewerId, c.kind, c.version, c.recommendation, c.score])).toEqual([
        [ian.id, 'BEHAVIORAL', 1, 'NO', 0.4667],
        [ivy.id, 'CODING_FUNDAMENTALS', 2, 'YES', 0.6667],
      ]);
      expect(cards[0].criteria[0]).toEqual({
        criterionKey: 'learning-approach',
        title: 'Learning approach',
        weight: 2,
        rating: 3,
        unit: 2 / 3,
        evidence: null,
      });
      expect(cards[0].redFlags).toEqual([
        {
          key: 'resistance-to-feedback',
          title: 'Resistance to feedback',
          severity: 'HIGH',
          evidence: 'Argued with the hint about the off-by-one instead of checking it',
        },
      ]);
      const calibration = await api.app.get(CalibrationService).calibrationFor([ivy.id, ian.id, ira.id]);
      // Ivy rated 3 x5 (mean 3) in a coding interview, Ian 3,3,3,2,2,2 (mean 2.5) in a behavioural one: they
      // share a candidate but not a kind, so neither is compared with the other (no offset).
      expect(calibration.get(ivy.id)).toEqual([expect.objectContaining({ kind: 'CODING_FUNDAMENTALS', mean: 3, spread: 0, leniencyOffset: null, sharedCandidates: 0 })]);
      expect(calibration.get(ian.id)).toEqual([expect.objectContaining({ kind: 'BEHAVIORAL', mean: 2.5, spread: 0.5, leniencyOffset: null, sharedCandidates: 0 })]);
      expect(calibration.get(ira.id)).toEqual([]);
    });
  });
});
