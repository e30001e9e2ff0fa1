import * as fs from 'node:fs';
import { Repository } from 'typeorm';
import { AttemptEntity, ProblemEntity, SubmissionEntity, SubmissionState, Verdict } from '@app/domain';
import { SOURCE_KB_MAX, SOURCE_MAX_BYTES } from '@app/sandbox';
import { errorCode, ok, projectFile, subscribe } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { PUB_SUB } from '../graphql/pubsub';

/**
 * The access rules of assessments, through real GraphQL calls on PostgreSQL and Redis.
 * Submissions stay QUEUED here (no worker): the rules do not depend on verdicts.
 */
const ledgers = JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as {
  tests: { hidden?: boolean; args?: unknown[]; expected?: unknown }[];
  referenceSolutions: { source: string }[];
};

describe('assessments: access rules', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let attempts: Repository<AttemptEntity>;
  let submissions: Repository<SubmissionEntity>;

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 2, 25);
    attempts = api.app.get(getRepositoryToken(AttemptEntity));
    submissions = api.app.get(getRepositoryToken(SubmissionEntity));
  }, 120_000);
  afterAll(() => api.close());

  const submit = (token: string, attemptId: string, source = ledgers.referenceSolutions[0].source) =>
    api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id state } }`, { i: { attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source } }, token);

  it('shows the candidate their problems with visible examples only, never hidden data', async () => {
    const [me] = story.candidates;
    const res = ok(
      await api.gql(
        `query($id: ID!) { myAttempt(id: $id) { status secondsLeft problems { slug title statement examples { name args expected } hiddenTests { category count } } } }`,
        { id: me.attemptId },
        me.user.token,
      ),
    ).myAttempt;
    expect(res.status).toBe('IN_PROGRESS');
    const p = res.problems.find((x: { slug: string }) => x.slug === 'reconcile-ledgers');
    const visible = ledgers.tests.filter((t) => t.hidden === false);
    expect(p.examples.map((e: { args: unknown }) => e.args)).toEqual(visible.map((t) => t.args));
    expect(p.hiddenTests.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBe(ledgers.tests.length - visible.length);
    const text = JSON.stringify(res);
    // Generated performance tests carry no inline data at all.
    for (const t of ledgers.tests.filter((x) => x.hidden !== false && x.args)) {
      expect(text).not.toContain(JSON.stringify(t.args));
    }
    expect(text).not.toContain(ledgers.referenceSolutions[0].source.slice(0, 40));
  });

  it('keeps the problem bank away from candidates', async () => {
    const [me] = story.candidates;
    expect(errorCode(await api.gql(`{ problems { total } }`, {}, me.user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(`query($id: ID!) { problem(id: $id) { definition } }`, { id: story.problems['reconcile-ledgers'] }, me.user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(`query($id: ID!) { attemptResults(attemptId: $id) { score } }`, { id: me.attemptId }, me.user.token))).toBe('FORBIDDEN');
  });

  it("refuses another candidate's attempt, submission and live updates with NOT_FOUND", async () => {
    const [a, b] = story.candidates;
    const mine = ok(await submit(a.user.token, a.attemptId)).submitSolution;
    expect(errorCode(await api.gql(`query($id: ID!) { myAttempt(id: $id) { id } }`, { id: a.attemptId }, b.user.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query($id: ID!) { submission(id: $id) { id source } }`, { id: mine.id }, b.user.token))).toBe('NOT_FOUND');
    expect(errorCode(await submit(b.user.token, a.attemptId))).toBe('NOT_FOUND');
    const spy = subscribe(api.url, b.user.token, `subscription($id: ID!) { submissionUpdated(id: $id) { id source } }`, { id: mine.id });
    await expect(spy.completed).rejects.toThrow(/NOT_FOUND|was not found/);
    await spy.close();
    // The owner does see it, with its code.
    expect(ok(await api.gql(`query($id: ID!) { submission(id: $id) { source } }`, { id: mine.id }, a.user.token)).submission.source).toContain('reconcileLedgers');
  });

  it("refuses someone else's invitation token, and a token used twice", async () => {
    const [a, b] = story.candidates;
    expect(errorCode(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: a.token }, b.user.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: a.token }, a.user.token))).toBe('CONFLICT');
  });

  it('refuses submissions after the deadline, and accepts one in flight within the grace', async () => {
    const [, b] = story.candidates;
    await attempts.update({ id: b.attemptId }, { deadline: new Date(Date.now() - 2_000) });
    expect(ok(await submit(b.user.token, b.attemptId)).submitSolution.state).toBe('QUEUED');
    await attempts.update({ id: b.attemptId }, { deadline: new Date(Date.now() - 60_000) });
    const late = await submit(b.user.token, b.attemptId);
    expect(errorCode(late)).toBe('FAILED_PRECONDITION');
    expect(late.errors![0].message).toMatch(/^Time is up: the deadline was /);
    const runLate = await api.gql(
      `mutation($i: RunCodeInput!) { runCode(input: $i) { id } }`,
      { i: { attemptId: b.attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: 'function reconcileLedgers(){}' } },
      b.user.token,
    );
    expect(errorCode(runLate)).toBe('FAILED_PRECONDITION');
    expect(ok(await api.gql(`query($id: ID!) { myAttempt(id: $id) { status secondsLeft } }`, { id: b.attemptId }, b.user.token)).myAttempt).toEqual({ status: 'FINISHED', secondsLeft: 0 });
  });

  it('shows the accommodation to recruiters only: never to interviewers or candidates', async () => {
    const [a] = story.candidates;
    const q = `query($id: ID!) { attemptResults(attemptId: $id) { attempt { id extraTimePercent } } }`;
    expect(ok(await api.gql(q, { id: a.attemptId }, story.recruiter.token)).attemptResults.attempt.extraTimePercent).toBe(25);
    // Interviewers read no Attempt at all (its times would reveal it): results come through their
    // interviews, without times (grader-access.integration-spec.ts).
    for (const query of [q, `query($id: ID!) { assessmentAttempts(assessmentId: $id) { deadline } }`]) {
      const asInterviewer = await api.gql(query, { id: query === q ? a.attemptId : story.assessmentId }, story.interviewer.token);
      expect(errorCode(asInterviewer)).toBe('FORBIDDEN');
      expect(asInterviewer.data).toBeNull();
    }
    const asCandidate = await api.gql(`query($id: ID!) { myAttempt(id: $id) { extraTimePercent } }`, { id: a.attemptId }, a.user.token);
    expect(errorCode(asCandidate)).toBe('FORBIDDEN');
    // The deadline reflects it: 30 minutes x 1.25.
    const att = await attempts.findOneByOrFail({ id: a.attemptId });
    expect(att.deadline!.getTime() - att.startedAt!.getTime()).toBe(37.5 * 60_000);
  });

  it('refuses a problem outside the assessment and an oversized source', async () => {
    const [a] = story.candidates;
    const other = await api.gql(
      `mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`,
      { i: { attemptId: a.attemptId, problemId: story.problems['endpoint-error-rates'], language: 'javascript', source: 'x' } },
      a.user.token,
    );
    expect(errorCode(other)).toBe('NOT_FOUND');
    const big = await submit(a.user.token, a.attemptId, 'x'.repeat(70_000));
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].extensions!.fields).toEqual([{ field: 'source', message: "must be at most 64 KB, this problem's limit (it is 69 KB)" }]);
    // Past the ceiling any problem may set, the input type refuses it before the service.
    const huge = await submit(a.user.token, a.attemptId, 'x'.repeat(SOURCE_MAX_BYTES + 1));
    expect(huge.errors![0].extensions!.fields).toEqual([{ field: 'source', message: `must be at most ${SOURCE_KB_MAX} KB` }]);
  });

  it("takes a source up to the problem's own sourceKb, above the default 64 KB", async () => {
    const [a] = story.candidates;
    const problems = api.app.get<Repository<ProblemEntity>>(getRepositoryToken(ProblemEntity));
    const ledgersRow = await problems.findOneByOrFail({ id: story.problems['reconcile-ledgers'] });
    const definition = ledgersRow.definition;
    await problems.save({ ...ledgersRow, definition: { ...definition, limits: { ...(definition.limits as object), sourceKb: 256 } } });
    try {
      const source = `${ledgers.referenceSolutions[0].source}\n//${'x'.repeat(200_000)}`;
      const accepted = ok(await submit(a.user.token, a.attemptId, source)).submitSolution;
      expect(accepted.state).toBe('QUEUED');
      expect((await submissions.findOneByOrFail({ id: accepted.id })).source).toHaveLength(source.length);
      const over = await submit(a.user.token, a.attemptId, 'x'.repeat(256 * 1024 + 1));
      expect(over.errors![0].extensions!.fields).toEqual([{ field: 'source', message: "must be at most 256 KB, this problem's limit (it is 257 KB)" }]);
    } finally {
      await problems.save({ ...ledgersRow, definition });
    }
  });

  it('stores runs as unscored RUN submissions with the custom input', async () => {
    const [a] = story.candidates;
    const run = ok(
      await api.gql(
        `mutation($i: RunCodeInput!) { runCode(input: $i) { id kind state } }`,
        { i: { attemptId: a.attemptId, problemId: story.problems['reconcile-ledgers'], language: 'typescript', source: 'const reconcileLedgers = (ours: unknown[], theirs: unknown[]) => ({ missing: [], unexpected: [], mismatched: [] });', customInput: { args: [[['a', 1]], []] } } },
        a.user.token,
      ),
    ).runCode;
    expect(run).toMatchObject({ kind: 'RUN', state: 'QUEUED' });
    const wrongShape = await api.gql(
      `mutation($i: RunCodeInput!) { runCode(input: $i) { id } }`,
      { i: { attemptId: a.attemptId, problemId: story.problems['reconcile-ledgers'], language: 'javascript', source: 'function reconcileLedgers() {}', customInput: { stdin: '1 2' } } },
      a.user.token,
    );
    expect(errorCode(wrongShape)).toBe('BAD_USER_INPUT');
    expect(wrongShape.errors![0].extensions!.fields).toEqual([{ field: 'customInput.args', message: 'this problem takes function arguments: give args as a JSON array' }]);
    expect((await submissions.findOneByOrFail({ id: run.id })).customInput).toEqual({ args: [[['a', 1]], []] });
  });

  it("takes Python where the problem offers it, and names the problem's languages when refusing another", async () => {
    const [a] = story.candidates;
    const view = ok(
      await api.gql(
        `query($id: ID!) { myAttempt(id: $id) { problems { slug languages entryPoints { language text } starters { language text } schema examples { tables { name } } } } }`,
        { id: a.attemptId },
        a.user.token,
      ),
    ).myAttempt.problems.find((x: { slug: string }) => x.slug === 'reconcile-ledgers');
    expect(view.languages).toEqual(['javascript', 'typescript', 'python']);
    expect(view.entryPoints).toEqual([
      { language: 'javascript', text: 'reconcileLedgers' },
      { language: 'typescript', text: 'reconcileLedgers' },
      { language: 'python', text: 'reconcile_ledgers' },
    ]);
    expect(view.starters.map((x: { language: string }) => x.language)).toEqual(['javascript', 'typescript', 'python']);
    expect(view.starters[2].text).toContain('def reconcile_ledgers');
    expect(view.schema).toBeNull();
    expect(view.examples.every((e: { tables: unknown }) => e.tables === null)).toBe(true);

    const code = (language: string, source: string) =>
      api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id language state } }`, { i: { attemptId: a.attemptId, problemId: story.problems['reconcile-ledgers'], language, source } }, a.user.token);
    const py = ok(await code('python', 'def reconcile_ledgers(ours, theirs):\n    return {}\n')).submitSolution;
    expect(py).toMatchObject({ language: 'PYTHON', state: 'QUEUED' });
    expect((await submissions.findOneByOrFail({ id: py.id })).language).toBe('python');

    const sql = await code('sql', 'SELECT 1;');
    expect(errorCode(sql)).toBe('BAD_USER_INPUT');
    expect(sql.errors![0].extensions!.fields).toEqual([{ field: 'language', message: 'this problem accepts javascript, typescript, python; got sql' }]);
    const cobol = await code('cobol', 'x');
    expect(errorCode(cobol)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(cobol.errors![0].extensions!.fields)).toContain('language');
    expect(JSON.stringify(cobol.errors![0].extensions!.fields)).toContain('javascript, typescript, python, sql');
    // The enum name is not what CodeInput takes: its lower-case value is.
    expect(errorCode(await code('PYTHON', 'x'))).toBe('BAD_USER_INPUT');
  });

  it("tells a subscriber of a verdict whose event was lost while the API's Redis subscriber was down, once it is back", async () => {
    const [me] = story.candidates;
    const { id } = ok(await submit(me.user.token, me.attemptId)).submitSolution as { id: string };
    const spy = subscribe(api.url, me.user.token, `subscription($id: ID!) { submissionUpdated(id: $id) { id state verdict } }`, { id });
    try {
      await spy.waitFor((e) => e.submissionUpdated.state === 'QUEUED', 10_000);
      // The verdict lands while the subscriber's connection is down: its event never reaches this API.
      const subscriber = api.app.get<RedisPubSub>(PUB_SUB).getSubscriber();
      subscriber.disconnect(true);
      await submissions.update({ id }, { state: SubmissionState.FINISHED, verdict: Verdict.ACCEPTED, finishedAt: new Date() });
      // Well inside the idle re-read (15-30 s): the reconnect itself makes every subscription re-read.
      await spy.waitFor((e) => e.submissionUpdated.state === 'FINISHED', 8_000);
      expect(spy.events.at(-1)!.submissionUpdated).toEqual({ id, state: 'FINISHED', verdict: 'ACCEPTED' });
      await spy.completed;
    } finally {
      await spy.close();
    }
  }, 30_000);
});
