import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { createLogger, namedQuery } from '@app/common';
import { AttemptEntity, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { DEFAULT_RUBRIC_KEY, seedRubrics } from '@app/rubrics';
import { APPLY_ANSWERS, errorCode, ok, subscribe } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * What graders (interviewers) can see, attacked through every path on PostgreSQL and Redis:
 * - no time of a candidate's attempt or submissions (it would prove a private accommodation);
 * - under anonymized review, no stable person id (it would join the anonymized application to
 *   the same person's named one of another job);
 * - only the applications and results of candidates they interview;
 * - and, for everyone, no hidden test's time (it would tell the hidden input's size).
 */
const HIDDEN_TIME_MS = 4321;
/** A response as text without its UUIDs: a random id may hold the digits of HIDDEN_TIME_MS (one did: ...-744321dcc7a4). */
const textWithoutIds = (value: unknown): string => JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
const VISIBLE_TIME_MS = 17;

describe('what graders see (PostgreSQL)', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let ds: DataSource;
  let namedJob: string;
  let anonApp: string; // candidate a, anonymized job, interviewed by the interviewer
  let namedApp: string; // candidate a again, another job without anonymized review, interviewed too
  let otherApp: string; // candidate b, same anonymized job, not interviewed by them
  let anonInterview: string;
  let submissionId: string;
  let submittedAt: Date;
  let unfinishedSeen: unknown[];

  const iv = () => story.interviewer.token;
  const a = () => story.candidates[0];
  const b = () => story.candidates[1];

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 2, 25);
    ds = api.app.get(DataSource);
    await seedRubrics(api.app, { logger: createLogger('silent', 'test') });
    const rubricId = (await namedQuery<{ id: string }[]>(ds, `SELECT id FROM rubrics WHERE key = :key`, { key: DEFAULT_RUBRIC_KEY }))[0].id;
    const rec = story.recruiter.token;
    ok(await api.gql(`mutation($id: ID!) { updateJob(id: $id, input: { anonymizedReview: true }) { id } }`, { id: story.jobId }, rec));
    anonApp = a().applicationId;
    otherApp = b().applicationId;
    namedJob = ok(await api.gql(`mutation { createJob(input: { templateKey: "backend-engineer-intern", title: "Named review" }) { id } }`, {}, rec)).createJob.id;
    ok(await api.gql(`mutation($id: ID!) { publishJob(id: $id) { id } }`, { id: namedJob }, rec));
    namedApp = ok(
      await api.gql(
        `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
        {
          i: {
            jobId: namedJob,
            profile: { name: 'Candidate 0', email: a().user.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [] },
            answers: APPLY_ANSWERS,
            resume: 'Student.',
          },
        },
        a().user.token,
      ),
    ).applyToJob.id;
    const interviewerId = ok(await api.gql(`{ me { id } }`, {}, iv())).me.id as string;
    const schedule = async (applicationId: string) =>
      ok(
        await api.gql(
          `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
          { i: { applicationId, interviewerId, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
          rec,
        ),
      ).scheduleInterview.id as string;
    anonInterview = await schedule(anonApp);
    await schedule(namedApp);

    // Candidate a submits; the judge's outcome is written as the worker would (no worker here),
    // 35 minutes into a 30-minute assessment: only the 25% extra time allows that.
    submissionId = ok(
      await api.gql(
        `mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`,
        { i: { attemptId: a().attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: 'function reconcileLedgers(ours, theirs) { return {}; }' } },
        a().user.token,
      ),
    ).submitSolution.id;
    const attempt = await api.app.get<Repository<AttemptEntity>>(getRepositoryToken(AttemptEntity)).findOneByOrFail({ id: a().attemptId });
    submittedAt = new Date(attempt.startedAt!.getTime() + 35 * 60_000);
    await api.app.get<Repository<SubmissionEntity>>(getRepositoryToken(SubmissionEntity)).update(
      { id: submissionId },
      {
        state: SubmissionState.FINISHED,
        verdict: Verdict.WRONG_ANSWER,
        score: 0.5,
        passed: 1,
        total: 2,
        createdAt: submittedAt,
        finishedAt: new Date(submittedAt.getTime() + 2000),
        results: [
          { name: 'example 1', status: Verdict.ACCEPTED, timeMs: VISIBLE_TIME_MS, hidden: false, actual: [0, 1] },
          { name: 'large input', category: 'performance', status: Verdict.WRONG_ANSWER, timeMs: HIDDEN_TIME_MS, hidden: true },
        ],
      },
    );
    // Until the attempt is over, the interviewer reads no result of it (polling would time it).
    unfinishedSeen = ok(await api.gql(`query($id: ID!) { interview(id: $id) { assessmentResults { attemptId status } } }`, { id: anonInterview }, iv())).interview.assessmentResults;
    ok(await api.gql(`mutation($id: ID!) { finishAssessment(attemptId: $id) { status } }`, { id: a().attemptId }, a().user.token));
  }, 180_000);
  afterAll(() => api.close());

  /** Every ISO time and epoch number the attempt and submission have, as they would appear in JSON. */
  async function timesOf(): Promise<string[]> {
    const att = await api.app.get<Repository<AttemptEntity>>(getRepositoryToken(AttemptEntity)).findOneByOrFail({ id: a().attemptId });
    const dates = [att.startedAt!, att.deadline!, att.finishedAt!, submittedAt, new Date(submittedAt.getTime() + 2000)];
    return [...dates.map((d) => d.toISOString()), ...dates.map((d) => String(d.getTime())), String(35 * 60)];
  }

  describe('no time of an attempt or its submissions reaches an interviewer', () => {
    it('the attempt and submission paths that carry times are closed to interviewers', async () => {
      const paths: [string, Record<string, unknown>][] = [
        [`query($id: ID!) { attemptResults(attemptId: $id) { attempt { startedAt } problems { timeTakenSeconds submissions { createdAt finishedAt } } } }`, { id: a().attemptId }],
        [`query($id: ID!) { assessmentAttempts(assessmentId: $id) { id startedAt deadline finishedAt durationMinutes submissions { createdAt } } }`, { id: story.assessmentId }],
        [`query($id: ID!) { submission(id: $id) { createdAt finishedAt userId } }`, { id: submissionId }],
        [`query($id: ID!) { assessments(jobId: $id) { durationMinutes } }`, { id: story.jobId }],
      ];
      for (const [query, vars] of paths) {
        const res = await api.gql(query, vars, iv());
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(res.data).toBeNull();
      }
      const spy = subscribe(api.url, iv(), `subscription($id: ID!) { submissionUpdated(id: $id) { createdAt finishedAt } }`, { id: submissionId });
      await expect(spy.completed).rejects.toThrow(/FORBIDDEN|requires one of the roles/);
      expect(spy.events).toEqual([]);
      await spy.close();
    });

    it('an unfinished attempt shows no result at all, so polling it times nothing', () => {
      expect(unfinishedSeen).toEqual([]);
    });

    it("the interview's results show order and verdicts, and no time", async () => {
      const res = ok(
        await api.gql(
          `query($id: ID!) { interview(id: $id) { assessmentResults { attemptId status score pointsEarned problems { title submissionsCount verdicts bestVerdict
             submissions { id ordinal verdict score passed total source language results { name category status hidden message } } } } } }`,
          { id: anonInterview },
          iv(),
        ),
      ).interview;
      const ledgers = res.assessmentResults[0].problems.find((p: { submissionsCount: number }) => p.submissionsCount === 1);
      expect(ledgers.submissions).toEqual([
        {
          id: submissionId,
          ordinal: 1,
          verdict: 'WRONG_ANSWER',
          score: 0.5,
          passed: 1,
          total: 2,
          source: 'function reconcileLedgers(ours, theirs) { return {}; }',
          language: 'JAVASCRIPT',
          results: [
            { name: 'example 1', category: null, status: 'ACCEPTED', hidden: false, message: null },
            { name: 'large input', category: 'performance', status: 'WRONG_ANSWER', hidden: true, message: null },
          ],
        },
      ]);
      const json = textWithoutIds(res);
      for (const t of await timesOf()) expect(json).not.toContain(t);
      expect(json).not.toContain(String(HIDDEN_TIME_MS));
    });

    it("the grader's types have no time field at all, so no query can ask for one", async () => {
      for (const type of ['InterviewAssessmentResult', 'InterviewProblemResult', 'GradedSubmission', 'GradedTestResult', 'InterviewCandidate']) {
        const fields = ok(await api.gql(`query($t: String!) { __type(name: $t) { fields { name type { name ofType { name ofType { name ofType { name } } } } } } }`, { t: type }, iv())).__type.fields as {
          name: string;
          type: unknown;
        }[];
        expect(fields.length).toBeGreaterThan(0);
        for (const f of fields) {
          expect(f.name).not.toMatch(/At$|time|Time|deadline|duration|Seconds|Ms$|userId|candidateId/);
          expect(JSON.stringify(f.type)).not.toContain('DateTime');
        }
      }
      // The recruiter's view keeps the times: they are really there to hide.
      const staff = ok(
        await api.gql(`query($id: ID!) { submission(id: $id) { createdAt } attemptResults(attemptId: "${a().attemptId}") { problems { timeTakenSeconds } } }`, { id: submissionId }, story.recruiter.token),
      );
      expect(staff.submission.createdAt).toBe(submittedAt.toISOString());
      expect(staff.attemptResults.problems.some((p: { timeTakenSeconds: number | null }) => p.timeTakenSeconds === 35 * 60)).toBe(true);
    });
  });

  describe('a hidden test never reports its time, to anyone', () => {
    const RESULTS = `results { name hidden status timeMs memoryBytes actual }`;

    it('neither to the candidate nor to recruiters, through the query and the subscription', async () => {
      for (const token of [a().user.token, story.recruiter.token]) {
        const sub = ok(await api.gql(`query($id: ID!) { submission(id: $id) { ${RESULTS} } }`, { id: submissionId }, token)).submission;
        expect(sub.results).toEqual([
          { name: 'example 1', hidden: false, status: 'ACCEPTED', timeMs: VISIBLE_TIME_MS, memoryBytes: null, actual: '[0,1]' },
          { name: 'large input', hidden: true, status: 'WRONG_ANSWER', timeMs: null, memoryBytes: null, actual: null },
        ]);
      }
      const mine = ok(await api.gql(`query($id: ID!) { myAttempt(id: $id) { submissions { id ${RESULTS} } } }`, { id: a().attemptId }, a().user.token)).myAttempt.submissions;
      expect(textWithoutIds(mine)).not.toContain(String(HIDDEN_TIME_MS));
      const spy = subscribe(api.url, a().user.token, `subscription($id: ID!) { submissionUpdated(id: $id) { state ${RESULTS} } }`, { id: submissionId });
      await spy.completed;
      expect(spy.events).toHaveLength(1);
      expect(textWithoutIds(spy.events)).not.toContain(String(HIDDEN_TIME_MS));
      expect((spy.events[0] as { submissionUpdated: { results: { timeMs: number | null }[] } }).submissionUpdated.results.map((r) => r.timeMs)).toEqual([VISIBLE_TIME_MS, null]);
      await spy.close();
    });
  });

  describe('under anonymized review no stable person id reaches the interviewer', () => {
    const APP = `id candidateId anonymized candidate { id email } profile { name email links } resume
      interviews { interviewerId } scorecards { id interviewerId applicationId }`;

    it('the anonymized application carries a job-scoped alias, unrelated to the id on the named one', async () => {
      const list = ok(await api.gql(`{ applications(limit: 100) { total items { ${APP} jobId } } }`, {}, iv())).applications;
      expect(list.total).toBe(2);
      const anon = list.items.find((x: { id: string }) => x.id === anonApp);
      const named = list.items.find((x: { id: string }) => x.id === namedApp);
      expect(named).toMatchObject({ candidateId: a().user.id, anonymized: false, candidate: { id: a().user.id } });
      expect(anon).toMatchObject({ anonymized: true, candidate: null, resume: null, profile: { name: null, email: null, links: [] } });
      expect(anon.candidateId).toMatch(/^anon-[A-Za-z0-9_-]{22}$/);
      expect(anon.candidateId).not.toBe(named.candidateId);
      const json = JSON.stringify(anon);
      expect(json).not.toContain(a().user.id);
      expect(json).not.toContain(a().user.email);
      // The same alias through every path of the same job: one name for the person within it.
      const one = ok(await api.gql(`query($id: ID!) { application(id: $id) { ${APP} } }`, { id: anonApp }, iv())).application;
      expect(one.candidateId).toBe(anon.candidateId);
      expect(JSON.stringify(one)).not.toContain(a().user.id);
      // Recruiters run the process: they see the real id.
      expect(ok(await api.gql(`query($id: ID!) { application(id: $id) { candidateId anonymized } }`, { id: anonApp }, story.recruiter.token)).application).toEqual({
        candidateId: a().user.id,
        anonymized: false,
      });
    });

    it("the history names the candidate's own moves by the alias, never by the user id", async () => {
      const alias = ok(await api.gql(`query($id: ID!) { application(id: $id) { candidateId } }`, { id: anonApp }, iv())).application.candidateId;
      const events = ok(await api.gql(`query($id: ID!) { applicationHistory(applicationId: $id) { actorId actorRole actor { id } } }`, { id: anonApp }, iv())).applicationHistory as {
        actorId: string | null;
        actorRole: string;
        actor: { id: string } | null;
      }[];
      const own = events.filter((e) => e.actorRole === 'CANDIDATE');
      expect(own.length).toBeGreaterThan(0);
      for (const e of own) expect(e).toEqual({ actorId: alias, actorRole: 'CANDIDATE', actor: null });
      expect(JSON.stringify(events)).not.toContain(a().user.id);
      // On the named job the interviewer sees who acted, as before.
      const named = ok(await api.gql(`query($id: ID!) { applicationHistory(applicationId: $id) { actorId actorRole } }`, { id: namedApp }, iv())).applicationHistory as { actorId: string; actorRole: string }[];
      expect(named.find((e) => e.actorRole === 'CANDIDATE')!.actorId).toBe(a().user.id);
    });

    it('the interview, its candidate and scorecards carry no person id of the candidate', async () => {
      const res = ok(
        await api.gql(
          `query($id: ID!) { interview(id: $id) { applicationId candidate { applicationId anonymized name email links resume } scorecards { applicationId interviewerId } } myInterviews { candidate { name email } } }`,
          { id: anonInterview },
          iv(),
        ),
      );
      expect(res.interview.candidate).toMatchObject({ anonymized: true, name: null, email: null, links: [], resume: null });
      const json = JSON.stringify(res.interview);
      expect(json).not.toContain(a().user.id);
      expect(json).not.toContain(a().user.email);
    });

    it('the shortlist and its CSV export stay with recruiters and admins', async () => {
      const res = await api.gql(`query($id: ID!) { shortlist(jobId: $id) { entries { applicationId name } } }`, { id: story.jobId }, iv());
      expect(errorCode(res)).toBe('FORBIDDEN');
      const csv = await fetch(`${api.url}/jobs/${story.jobId}/shortlist.csv`, { headers: { authorization: `Bearer ${iv()}` } });
      expect(csv.status).toBe(403);
      expect(await csv.text()).not.toContain(a().user.id);
    });
  });

  describe('an interviewer reads only the applications and results of candidates they interview', () => {
    it('another candidate of the same job is NOT_FOUND through every path, and missing from every list', async () => {
      for (const [query, vars] of [
        [`query($id: ID!) { application(id: $id) { id } }`, { id: otherApp }],
        [`query($id: ID!) { applicationHistory(applicationId: $id) { id } }`, { id: otherApp }],
        [`query($id: ID!) { scorecards(applicationId: $id) { id } }`, { id: otherApp }],
      ] as const) {
        const res = await api.gql(query, vars, iv());
        expect(errorCode(res)).toBe('NOT_FOUND');
        expect(res.data).toBeNull();
      }
      const list = ok(await api.gql(`query($job: ID) { applications(jobId: $job) { total items { id } } }`, { job: story.jobId }, iv())).applications;
      expect(list).toEqual({ total: 1, items: [{ id: anonApp }] });
      const mine = ok(await api.gql(`{ myInterviews { assessmentResults { attemptId } } }`, {}, iv())).myInterviews as { assessmentResults: { attemptId: string }[] }[];
      expect(mine.flatMap((i) => i.assessmentResults.map((r) => r.attemptId))).toEqual([a().attemptId]);
      // The recruiter reads both, so the NOT_FOUND is about the interviewer, not the application.
      expect(ok(await api.gql(`query($id: ID!) { application(id: $id) { id } }`, { id: otherApp }, story.recruiter.token)).application.id).toBe(otherApp);
      expect(ok(await api.gql(`query($job: ID) { applications(jobId: $job) { total } }`, { job: story.jobId }, story.recruiter.token)).applications.total).toBe(2);
    });
  });
});
