import * as fs from 'node:fs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { loadBankDir, ProblemsService } from '@app/assessments';
import { createLogger } from '@app/common';
import {
  ApplicationEntity,
  AttemptEntity,
  CodeSnapshotEntity,
  DataErasureEntity,
  ProblemEntity,
  ProblemValidationStatus,
  Role,
  SelfIdentificationEntity,
  SubmissionEntity,
  SubmissionState,
  UserEntity,
  Verdict,
} from '@app/domain';
import { seedHiring } from '@app/hiring';
import { seedRubrics } from '@app/rubrics';
import { APPLY_ANSWERS, errorCode, GqlResponse, ok, projectFile } from '@app/testing';
import { ApiHarness, startApi, TEST_PASSWORD, TestUser } from '@app/api-testing';

const RIGHT = (JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as { referenceSolutions: { source: string }[] }).referenceSolutions[0].source;
const MY_DATA = `{ myData }`;
const ERASE = `mutation($i: EraseMyAccountInput!) { eraseMyAccount(input: $i) { erasedAt counts { applications selfIdentifications attempts submissions codeSnapshots } } }`;
const SHORTLIST = `query($job: ID!) { shortlist(jobId: $job) { totalCount entries { applicationId name email score rank } } }`;
const REPORT = `query($jobId: ID!) { adverseImpactReport(jobId: $jobId, question: "gender") { notDisclosed stages { stage groups { group considered selected suppressed } } } }`;
const STAFF_APPLICATIONS = `query($jobId: ID) { applications(jobId: $jobId) { total items { id stage resume answers { questionKey } profile { name email links } candidate { name email erasedAt } } } }`;
const SCHEDULE = `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`;
const SCORECARD = `mutation($i: SubmitScorecardInput!) { submitScorecard(input: $i) { id } }`;
const CODING = ['fundamentals-over-frameworks', 'data-structures-and-algorithms', 'problem-solving-approach', 'practical-coding-experience', 'clean-maintainable-code'];
const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];

/** Markers planted where only the export's owner, or nobody, may read them. */
const SECRET = { hiddenActual: 'HIDDEN-ACTUAL-7f3a', hiddenOutput: 'HIDDEN-OUTPUT-7f3a', notes: 'PRIVATE-INTERVIEWER-NOTE-7f3a', otherCode: '// OTHER-CANDIDATE-CODE-7f3a' };
const VISIBLE_OUTPUT = 'VISIBLE-OUTPUT-1c9e';
const RESUME = 'Student building REST APIs in Node.js with PostgreSQL.';
const SNAPSHOT_CODE = 'function reconcile() { /* SNAPSHOT-CODE-1c9e */ }';

interface Story {
  recruiter: TestUser;
  interviewer: TestUser;
  jobId: string;
  problemId: string;
  candidates: { user: TestUser; applicationId: string; attemptId: string }[];
}

describe("candidates' data rights: export and erasure", () => {
  let api: ApiHarness;
  let story: Story;
  let ds: DataSource;
  let admin: TestUser;
  let interviewId: string;
  const ann = () => story.candidates[0];
  const ben = () => story.candidates[1];

  async function submitJudged(token: string, attemptId: string, source: string, score: number): Promise<string> {
    const s = ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId, problemId: story.problemId, language: 'javascript', source } }, token)).submitSolution;
    // The verdict as a worker writes it (the judge is tested elsewhere): one visible and one hidden test, with what the code produced.
    const subs: Repository<SubmissionEntity> = api.app.get(getRepositoryToken(SubmissionEntity));
    await subs.update(
      { id: s.id },
      {
        state: SubmissionState.FINISHED,
        verdict: score === 1 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER,
        score,
        passed: score === 1 ? 2 : 1,
        total: 2,
        finishedAt: new Date(),
        results: [
          { name: 'example 1', status: Verdict.ACCEPTED, timeMs: 3, hidden: false, weight: 1, actual: { matched: 2 }, output: VISIBLE_OUTPUT },
          { name: 'large ledger', category: 'scale', status: score === 1 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER, timeMs: 9, hidden: true, weight: 1, actual: SECRET.hiddenActual, output: SECRET.hiddenOutput },
        ],
      },
    );
    return s.id;
  }

  /**
   * The assessment story (apps/api/test/story.ts) without the bank's validation: one problem,
   * stored as VALID without judging its references (calibrating a bank outlasts a spec's setup
   * on a busy machine, and the judge is not what this spec tests). A published job with
   * anonymized review, an assessment, and two candidates who applied, were invited (Ann with 25%
   * extra time) and started.
   */
  async function privacyStory(): Promise<Story> {
    await seedHiring(api.app, { logger: createLogger('silent', 'seed'), demo: false });
    await seedRubrics(api.app, { logger: createLogger('silent', 'seed') });
    const entry = loadBankDir().find((e) => e.definition.slug === 'reconcile-ledgers')!;
    const problem = await api.app.get(ProblemsService, { strict: false }).create({ definition: entry.definition, referenceSolutions: entry.referenceSolutions, difficulty: entry.difficulty, tags: entry.tags }, null);
    await ds.getRepository(ProblemEntity).update({ id: problem.id }, { validationStatus: ProblemValidationStatus.VALID });
    const [recruiter, interviewer] = await Promise.all([api.user(Role.RECRUITER), api.user(Role.INTERVIEWER)]);
    const job = ok(await api.gql(`mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`, { i: { templateKey: 'backend-engineer-intern', anonymizedReview: true } }, recruiter.token)).createJob;
    ok(await api.gql(`mutation($id: ID!) { publishJob(id: $id) { id } }`, { id: job.id }, recruiter.token));
    const assessment = ok(
      await api.gql(
        `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`,
        { i: { jobId: job.id, title: 'Story test', instructions: 'Solve it.', durationMinutes: 30, problems: [{ problemId: problem.id, points: 100 }] } },
        recruiter.token,
      ),
    ).createAssessment;
    const candidates: Story['candidates'] = [];
    for (const [i, extraTimePercent] of [25, 0].entries()) {
      const user = await api.user(Role.CANDIDATE);
      const profile = { name: `Candidate ${i}`, email: user.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [{ name: 'Node.js', level: 4 }] };
      const app = ok(await api.gql(`mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`, { i: { jobId: job.id, profile, answers: APPLY_ANSWERS, resume: RESUME } }, user.token)).applyToJob;
      const inv = ok(
        await api.gql(`mutation($i: InviteInput!) { inviteToAssessment(input: $i) { token attempt { id } } }`, { i: { assessmentId: assessment.id, applicationId: app.id, extraTimePercent } }, recruiter.token),
      ).inviteToAssessment;
      ok(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: inv.token }, user.token));
      candidates.push({ user, applicationId: app.id, attemptId: inv.attempt.id });
    }
    return { recruiter, interviewer, jobId: job.id, problemId: problem.id, candidates };
  }

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
    story = await privacyStory();
    admin = await api.user(Role.ADMIN);
    const rec = story.recruiter.token;
    for (const [c, group] of [
      [ann(), 'Woman'],
      [ben(), 'Man'],
    ] as const) {
      ok(await api.gql(`mutation($i: SelfIdentificationInput!) { submitSelfIdentification(input: $i) }`, { i: { applicationId: c.applicationId, answers: [{ question: 'gender', value: group }] } }, c.user.token));
    }
    ok(
      await api.gql(
        `mutation($i: RecordAttemptActivityInput!) { recordAttemptActivity(input: $i) { stored } }`,
        {
          i: {
            attemptId: ann().attemptId,
            batchId: 'privacy-batch-0001',
            events: [{ type: 'PASTE', problemId: story.problemId, ageMs: 100, chars: 40, lines: 2, external: true }],
            snapshots: [{ problemId: story.problemId, language: 'javascript', code: SNAPSHOT_CODE, ageMs: 50 }],
          },
        },
        ann().user.token,
      ),
    );
    await submitJudged(ann().user.token, ann().attemptId, RIGHT, 1);
    await submitJudged(ben().user.token, ben().attemptId, `${SECRET.otherCode}\n${RIGHT}`, 0.5);
    // The anonymized review is lifted for Ann: the shortlist move records IDENTITY_REVEALED.
    ok(await api.gql(`mutation($i: MoveApplicationStageInput!) { moveApplicationStage(input: $i) { stage } }`, { i: { applicationId: ann().applicationId, to: 'SHORTLISTED', reason: 'Strong assessment' } }, rec));
    const rubricId = ok(await api.gql(`{ rubrics { id jobId } }`, {}, rec)).rubrics.find((r: { jobId: string | null }) => !r.jobId).id;
    interviewId = ok(
      await api.gql(SCHEDULE, { i: { applicationId: ann().applicationId, interviewerId: story.interviewer.id, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } }, rec),
    ).scheduleInterview.id;
    const ratings = CODING.map((criterionKey) => ({ criterionKey, rating: 3, evidence: null }));
    ok(await api.gql(SCORECARD, { i: { interviewId, recommendation: 'YES', ratings, redFlags: [], notes: SECRET.notes } }, story.interviewer.token));
  }, 180_000);
  afterAll(() => api.close());

  describe('export (myData, GET /me/data.json)', () => {
    it("holds the candidate's account, applications, attempts and submissions, and nothing that is not theirs to read", async () => {
      const data = ok(await api.gql(MY_DATA, {}, ann().user.token)).myData;
      const text = JSON.stringify(data);
      expect(data.formatVersion).toBe(1);
      expect(Date.parse(data.exportedAt)).not.toBeNaN();
      expect(data.account).toEqual({ id: ann().user.id, email: ann().user.email, name: expect.any(String), role: 'CANDIDATE', createdAt: expect.any(String) });

      expect(data.applications).toHaveLength(1);
      const [app] = data.applications;
      expect(app).toMatchObject({ id: ann().applicationId, jobId: story.jobId, jobTitle: expect.any(String), stage: 'SHORTLISTED', resume: RESUME });
      expect(app.profile).toMatchObject({ name: 'Candidate 0', email: ann().user.email });
      expect(app.answers.length).toBeGreaterThan(0);
      expect(app.selfIdentification).toEqual([{ question: 'gender', label: expect.any(String), answer: 'Woman' }]);
      expect(app.identityRevealed).toEqual([{ at: expect.any(String), toStage: 'SHORTLISTED', byName: expect.any(String), byRole: 'RECRUITER' }]);
      expect(app.interviews).toEqual([{ kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00.000Z', status: 'COMPLETED' }]);
      // The history the candidate reads: stage moves, staff notes left out.
      expect(app.history.map((e: { toStage: string }) => e.toStage)).toContain('SHORTLISTED');
      expect(app.history.find((e: { toStage: string }) => e.toStage === 'SHORTLISTED').reason).toBeNull();

      expect(data.attempts).toHaveLength(1);
      const [attempt] = data.attempts;
      expect(attempt).toMatchObject({ id: ann().attemptId, assessmentTitle: 'Story test', durationMinutes: 30, status: 'IN_PROGRESS', extraTimePercent: 25 });
      expect(attempt.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['PASTE', 'SUBMIT']));
      expect(attempt.timeline.find((e: { type: string }) => e.type === 'PASTE').details).toMatchObject({ chars: 40, lines: 2, external: true });
      expect(attempt.codeSnapshots.map((s: { code: string }) => s.code)).toContain(SNAPSHOT_CODE);

      expect(data.submissions).toHaveLength(1);
      const [sub] = data.submissions;
      expect(sub).toMatchObject({ attemptId: ann().attemptId, problemTitle: expect.any(String), language: 'javascript', code: RIGHT, verdict: 'ACCEPTED', score: 1, passed: 2, total: 2 });
      expect(sub.tests).toEqual([{ name: 'example 1', category: null, status: 'ACCEPTED', timeMs: 3, memoryBytes: null, actual: '{"matched":2}', output: VISIBLE_OUTPUT, message: null }]);
      expect(sub.hiddenTests).toEqual({ total: 1, passed: 1 });

      expect(data.notIncluded.join(' ')).toMatch(/scorecards/i);
      // Never: hidden tests' data, scorecards, another candidate, credentials.
      for (const never of [SECRET.hiddenActual, SECRET.hiddenOutput, 'large ledger', SECRET.notes, SECRET.otherCode, ben().user.email, ben().applicationId, 'Candidate 1', 'argon2', 'passwordHash', 'tokenVersion']) {
        expect(text).not.toContain(never);
      }
    });

    it("gives each candidate their own data only, over GraphQL and HTTP, as a download", async () => {
      const bens = ok(await api.gql(MY_DATA, {}, ben().user.token)).myData;
      expect(bens.account.id).toBe(ben().user.id);
      expect(bens.applications.map((a: { id: string }) => a.id)).toEqual([ben().applicationId]);
      expect(JSON.stringify(bens)).not.toContain(ann().user.email);
      expect(JSON.stringify(bens)).not.toContain(SNAPSHOT_CODE);

      const res = await fetch(`${api.url}/me/data.json`, { headers: { authorization: `Bearer ${ann().user.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const file = (await res.json()) as Record<string, unknown>;
      const viaGraphql = ok(await api.gql(MY_DATA, {}, ann().user.token)).myData;
      expect({ ...file, exportedAt: null }).toEqual({ ...viaGraphql, exportedAt: null });

      const bensFile = (await (await fetch(`${api.url}/me/data.json`, { headers: { authorization: `Bearer ${ben().user.token}` } })).json()) as { account: { id: string } };
      expect(bensFile.account.id).toBe(ben().user.id);
    });

    it('is for candidates only: staff are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
      for (const staff of [story.recruiter, story.interviewer, admin]) {
        expect(errorCode(await api.gql(MY_DATA, {}, staff.token))).toBe('FORBIDDEN');
        expect(errorCode(await api.gql(ERASE, { i: { confirm: staff.email, password: TEST_PASSWORD } }, staff.token))).toBe('FORBIDDEN');
        const res = await fetch(`${api.url}/me/data.json`, { headers: { authorization: `Bearer ${staff.token}` } });
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
      }
      expect(errorCode(await api.gql(MY_DATA, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api.gql(ERASE, { i: { confirm: 'erase my account', password: TEST_PASSWORD } }))).toBe('UNAUTHENTICATED');
      const anonymous = await fetch(`${api.url}/me/data.json`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('erasure (eraseMyAccount)', () => {
    let shortlistBefore: { totalCount: number; entries: { applicationId: string; name: string | null; email: string | null; score: number | null; rank: number | null }[] };
    let reportBefore: unknown;
    let annEmail: string;

    beforeAll(async () => {
      annEmail = ann().user.email;
      shortlistBefore = ok(await api.gql(SHORTLIST, { job: story.jobId }, story.recruiter.token)).shortlist;
      reportBefore = ok(await api.gql(REPORT, { jobId: story.jobId }, admin.token)).adverseImpactReport;
      expect(shortlistBefore.entries.find((e) => e.applicationId === ann().applicationId)).toMatchObject({ name: 'Candidate 0', email: annEmail });
    });

    it('asks for the email (or the phrase) and the current password, and changes nothing without them', async () => {
      const wrongConfirm = await api.gql(ERASE, { i: { confirm: 'someone-else@example.com', password: TEST_PASSWORD } }, ann().user.token);
      expect(errorCode(wrongConfirm)).toBe('BAD_USER_INPUT');
      expect(fields(wrongConfirm)).toEqual(['confirm']);
      const wrongPassword = await api.gql(ERASE, { i: { confirm: annEmail.toUpperCase(), password: 'not-the-password-1' } }, ann().user.token);
      expect(errorCode(wrongPassword)).toBe('BAD_USER_INPUT');
      expect(fields(wrongPassword)).toEqual(['password']);
      expect(ok(await api.gql(MY_DATA, {}, ann().user.token)).myData.account.email).toBe(annEmail);
      expect(await api.login(annEmail, TEST_PASSWORD)).toEqual(expect.any(String));
    });

    it('erases every personal field in one go, keeps what counts, and records the erasure', async () => {
      const receipt = ok(await api.gql(ERASE, { i: { confirm: annEmail, password: TEST_PASSWORD } }, ann().user.token)).eraseMyAccount;
      expect(receipt.counts).toEqual({ applications: 1, selfIdentifications: 1, attempts: 1, submissions: 1, codeSnapshots: expect.any(Number) });
      expect(receipt.counts.codeSnapshots).toBeGreaterThanOrEqual(2);

      const user = await ds.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: ann().user.id }).getOneOrFail();
      expect(user).toMatchObject({ email: `erased-${ann().user.id}@erased.invalid`, name: 'Erased candidate', active: false, permissions: [] });
      expect(user.passwordHash).not.toMatch(/argon2/);
      expect(user.erasedAt).toBeInstanceOf(Date);

      const app = await ds.getRepository(ApplicationEntity).findOneByOrFail({ id: ann().applicationId });
      expect(app.profile).toEqual({ name: 'Erased candidate', email: '', education: { degree: '', field: '', status: 'ENROLLED', institution: null }, links: [], skills: [] });
      expect(app.answers).toEqual([]);
      expect(app.resume).toBe('');
      // What staff decided stays: the stage, the screening outcome and the skills score the shortlist ranks on.
      expect(app.stage).toBe('SHORTLISTED');
      expect(app.skillsScore).toBeGreaterThan(0);

      const subs = await ds.getRepository(SubmissionEntity).findBy({ attemptId: ann().attemptId });
      expect(subs).toHaveLength(1);
      expect(subs[0]).toMatchObject({ source: '', customInput: null, verdict: 'ACCEPTED', score: 1, passed: 2, total: 2 });
      expect(subs[0].results!.map((r) => [r.name, r.status, r.actual, r.output])).toEqual([
        ['example 1', 'ACCEPTED', undefined, undefined],
        ['large ledger', 'ACCEPTED', undefined, undefined],
      ]);
      const snapshots = await ds.getRepository(CodeSnapshotEntity).findBy({ attemptId: ann().attemptId });
      expect(snapshots.length).toBe(receipt.counts.codeSnapshots);
      expect(snapshots.every((s) => s.body === '' && s.full)).toBe(true);
      expect((await ds.getRepository(AttemptEntity).findOneByOrFail({ id: ann().attemptId })).extraTimePercent).toBe(0);
      // The group label stays for the adverse-impact counts; the application it hangs on names nobody now.
      expect(await ds.getRepository(SelfIdentificationEntity).countBy({ applicationId: ann().applicationId })).toBe(1);

      const records = await ds.getRepository(DataErasureEntity).findBy({ accountId: ann().user.id });
      expect(records).toEqual([{ id: expect.any(String), accountId: ann().user.id, erasedAt: expect.any(Date), counts: receipt.counts }]);
      // Ben is untouched.
      const bensSubs = await ds.getRepository(SubmissionEntity).findBy({ attemptId: ben().attemptId });
      expect(bensSubs[0].source).toContain(SECRET.otherCode);
      expect((await ds.getRepository(ApplicationEntity).findOneByOrFail({ id: ben().applicationId })).profile.name).toBe('Candidate 1');
    });

    it('ends every session: the token says why, a second erasure is refused, the old password logs nobody in', async () => {
      for (const res of [await api.gql(MY_DATA, {}, ann().user.token), await api.gql(ERASE, { i: { confirm: annEmail, password: TEST_PASSWORD } }, ann().user.token)]) {
        expect(errorCode(res)).toBe('UNAUTHENTICATED');
        expect(res.errors![0].message).toMatch(/erased/);
      }
      expect((await fetch(`${api.url}/me/data.json`, { headers: { authorization: `Bearer ${ann().user.token}` } })).status).toBe(401);
      const login = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email: annEmail, password: TEST_PASSWORD } });
      expect(errorCode(login)).toBe('UNAUTHENTICATED');
      const placeholder = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email: `erased-${ann().user.id}@erased.invalid`, password: TEST_PASSWORD } });
      expect(errorCode(placeholder)).toBe('UNAUTHENTICATED');
    });

    it("works as the web app calls it: the session cookie with its CSRF header downloads, erases and is cleared", async () => {
      const cara = await api.user(Role.CANDIDATE);
      const origin = new URL(api.url).origin;
      const login = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ query: `mutation($i: LoginInput!) { loginWithCookie(input: $i) { expiresAt } }`, variables: { i: { email: cara.email, password: TEST_PASSWORD } } }),
      });
      const jar = new Map(login.headers.getSetCookie().map((line) => line.split(';')[0].split('=') as [string, string]));
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const csrf = decodeURIComponent(jar.get('hp_csrf') ?? '');
      expect(csrf).not.toBe('');
      // Without the CSRF header a cookie is refused (a page of another site cannot download it).
      expect((await fetch(`${api.url}/me/data.json`, { headers: { cookie } })).status).toBe(403);
      const file = await fetch(`${api.url}/me/data.json`, { headers: { cookie, 'x-csrf-token': csrf, origin } });
      expect(file.status).toBe(200);
      expect(((await file.json()) as { account: { email: string } }).account.email).toBe(cara.email);
      const erase = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin },
        body: JSON.stringify({ query: ERASE, variables: { i: { confirm: 'Erase my account', password: TEST_PASSWORD } } }),
      });
      expect(((await erase.json()) as GqlResponse).errors).toBeUndefined();
      // The cookies are cleared (expired) in the same response.
      expect(erase.headers.getSetCookie().filter((c) => /^hp_session=;/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toHaveLength(1);
    });

    it('shows staff "Erased candidate" with no email everywhere, with the same ranking and counts', async () => {
      const rec = story.recruiter.token;
      const apps = ok(await api.gql(STAFF_APPLICATIONS, { jobId: story.jobId }, rec)).applications;
      expect(apps.total).toBe(2);
      const erased = apps.items.find((a: { id: string }) => a.id === ann().applicationId);
      expect(erased).toMatchObject({ resume: '', answers: [], profile: { name: 'Erased candidate', email: null, links: [] }, candidate: { name: 'Erased candidate', erasedAt: expect.any(String) } });
      expect(erased.candidate.email).toMatch(/@erased\.invalid$/);
      expect(JSON.stringify(apps)).not.toContain(annEmail);

      const shortlist = ok(await api.gql(SHORTLIST, { job: story.jobId }, rec)).shortlist;
      expect(shortlist.totalCount).toBe(shortlistBefore.totalCount);
      expect(shortlist.entries.map((e: { applicationId: string; score: number; rank: number }) => [e.applicationId, e.score, e.rank])).toEqual(shortlistBefore.entries.map((e) => [e.applicationId, e.score, e.rank]));
      expect(shortlist.entries.find((e: { applicationId: string }) => e.applicationId === ann().applicationId)).toMatchObject({ name: 'Erased candidate', email: null });

      const csv = await (await fetch(`${api.url}/jobs/${story.jobId}/shortlist.csv`, { headers: { authorization: `Bearer ${rec}` } })).text();
      expect(csv).toContain(`${ann().applicationId},Erased candidate,,SHORTLISTED`);
      expect(csv).not.toContain(annEmail);

      const interview = ok(await api.gql(`query($id: ID!) { interview(id: $id) { candidate { name email resume } } }`, { id: interviewId }, story.interviewer.token)).interview;
      expect(interview.candidate).toEqual({ name: 'Erased candidate', email: null, resume: '' });

      expect(ok(await api.gql(REPORT, { jobId: story.jobId }, admin.token)).adverseImpactReport).toEqual(reportBefore);
      // Nothing about Ann is left to read in the staff views of the job.
      const subsLeft = await ds.getRepository(SubmissionEntity).findBy({ attemptId: In([ann().attemptId]) });
      expect(subsLeft.every((s) => s.source === '')).toBe(true);
    });
  });
});
