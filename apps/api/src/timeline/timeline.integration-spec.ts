import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { TIMELINE_LIMITS } from '@app/assessments';
import { createLogger, namedQuery } from '@app/common';
import { Role } from '@app/domain';
import { DEFAULT_RUBRIC_KEY, seedRubrics } from '@app/rubrics';
import { errorCode, ok, projectFile } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

/**
 * The attempt timeline and code playback through GraphQL, on the engine of the run (PostgreSQL,
 * and SQLite in integration-sqlite): who writes (the attempt's candidate, while it is open), who
 * reads (recruiters and admins; interviewers only where the job allows it, and then no times),
 * idempotent batches, the bounds, and a playback that ends on the submitted code.
 */
const ledgers = JSON.parse(fs.readFileSync(projectFile('libs/assessments/data/problems/reconcile-ledgers.json'), 'utf8')) as { referenceSolutions: { source: string }[] };
const SUBMITTED = ledgers.referenceSolutions[0].source;
const RECORD = `mutation($i: RecordAttemptActivityInput!) { recordAttemptActivity(input: $i) { batchId stored events snapshots } }`;
const TIMELINE = `query($id: ID!) { attemptTimeline(attemptId: $id) { attemptId startedAt endedAt
  events { type problemId at offsetSeconds chars lines external customInput cause }
  summary { pastes largePastes externalPastes largestPasteChars focusLosses runs customInputRuns submits connectionLosses activeSeconds text }
  playback { problemId snapshots } } }`;
const PLAYBACK = `query($a: ID!, $p: ID!, $o: Int, $l: Int) { attemptPlayback(attemptId: $a, problemId: $p, offset: $o, limit: $l) { problemId total frames { seq offsetSeconds language reason code } } }`;

let batchCounter = 0;
const batchId = () => `batch-${process.pid}-${++batchCounter}`;

describe('attempt timeline and code playback', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let interviewId: string;
  const rec = () => story.recruiter.token;
  const a = () => story.candidates[0];
  const b = () => story.candidates[1];
  const c = () => story.candidates[2];
  const ledgersId = () => story.problems['reconcile-ledgers'];

  beforeAll(async () => {
    api = await startApi();
    story = await assessmentStory(api, 3, 25);
    await seedRubrics(api.app, { logger: createLogger('silent', 'test') });
    const ds = api.app.get(DataSource);
    const rubricId = (await namedQuery<{ id: string }[]>(ds, `SELECT id FROM rubrics WHERE key = :key`, { key: DEFAULT_RUBRIC_KEY }))[0].id;
    const interviewerId = ok(await api.gql(`{ me { id } }`, {}, story.interviewer.token)).me.id as string;
    interviewId = ok(
      await api.gql(
        `mutation($i: ScheduleInterviewInput!) { scheduleInterview(input: $i) { id } }`,
        { i: { applicationId: a().applicationId, interviewerId, rubricId, kind: 'CODING_FUNDAMENTALS', scheduledAt: '2030-01-15T10:00:00Z' } },
        rec(),
      ),
    ).scheduleInterview.id;
  }, 240_000);
  afterAll(() => api.close());

  const editing = [
    'function reconcileLedgers(ours, theirs) {\n}\n',
    'function reconcileLedgers(ours, theirs) {\n  const sums = new Map();\n}\n',
    'function reconcileLedgers(ours, theirs) {\n  const sums = new Map();\n  return { missing: [], unexpected: [], mismatched: [] };\n}\n',
  ];
  const firstBatch = () => ({
    attemptId: a().attemptId,
    batchId: 'first-batch-0001',
    events: [
      { type: 'PROBLEM_OPENED', problemId: ledgersId(), ageMs: 9000 },
      { type: 'PASTE', problemId: ledgersId(), ageMs: 8000, chars: 240, lines: 9, external: true },
      { type: 'PASTE', problemId: ledgersId(), ageMs: 7000, chars: 12, lines: 1, external: false },
      { type: 'FOCUS_LOST', ageMs: 6000, cause: 'hidden' },
      { type: 'FOCUS_REGAINED', ageMs: 3000 },
      { type: 'CONNECTION_LOST', ageMs: 2000 },
      { type: 'CONNECTION_RESTORED', ageMs: 1000 },
    ],
    snapshots: editing.map((code, i) => ({ problemId: ledgersId(), language: 'javascript', code, ageMs: 8500 - i * 1000 })),
  });

  it('stores a batch once: the same batch id again stores nothing', async () => {
    const first = ok(await api.gql(RECORD, { i: firstBatch() }, a().user.token)).recordAttemptActivity;
    expect(first).toEqual({ batchId: 'first-batch-0001', stored: true, events: 7, snapshots: 3 });
    const again = ok(await api.gql(RECORD, { i: firstBatch() }, a().user.token)).recordAttemptActivity;
    expect(again).toEqual({ batchId: 'first-batch-0001', stored: false, events: 7, snapshots: 3 });
    const t = ok(await api.gql(TIMELINE, { id: a().attemptId }, rec())).attemptTimeline;
    expect(t.events).toHaveLength(7);
    expect(t.playback).toEqual([{ problemId: ledgersId(), snapshots: 3 }]);
  });

  it('records runs and submissions itself, and the playback replays every snapshot to the submitted code', async () => {
    const token = a().user.token;
    ok(await api.gql(`mutation($i: RunCodeInput!) { runCode(input: $i) { id } }`, { i: { attemptId: a().attemptId, problemId: ledgersId(), language: 'javascript', source: editing[2], customInput: { args: [[['pay_1', 1500]], [['pay_1', 1500]]] } } }, token));
    ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId: a().attemptId, problemId: ledgersId(), language: 'javascript', source: SUBMITTED } }, token));

    const p = ok(await api.gql(PLAYBACK, { a: a().attemptId, p: ledgersId() }, rec())).attemptPlayback;
    expect(p.total).toBe(5);
    expect(p.frames.map((f: { code: string }) => f.code)).toEqual([...editing, editing[2], SUBMITTED]);
    expect(p.frames.map((f: { reason: string }) => f.reason)).toEqual(['ACTIVITY', 'ACTIVITY', 'ACTIVITY', 'RUN', 'SUBMIT']);
    // A page from the middle decodes from the last full copy before it.
    const page = ok(await api.gql(PLAYBACK, { a: a().attemptId, p: ledgersId(), o: 2, l: 2 }, rec())).attemptPlayback;
    expect(page.frames.map((f: { seq: number; code: string }) => [f.seq, f.code])).toEqual([[2, editing[2]], [3, editing[2]]]);
  });

  it('gives recruiters the events in order with absolute and relative times and the summary counts', async () => {
    const t = ok(await api.gql(TIMELINE, { id: a().attemptId }, rec())).attemptTimeline;
    expect(t.events.map((e: { type: string }) => e.type)).toEqual([
      'PROBLEM_OPENED', 'PASTE', 'PASTE', 'FOCUS_LOST', 'FOCUS_REGAINED', 'CONNECTION_LOST', 'CONNECTION_RESTORED', 'RUN', 'SUBMIT',
    ]);
    expect(t.events[1]).toMatchObject({ chars: 240, lines: 9, external: true });
    expect(t.events[3]).toMatchObject({ cause: 'hidden' });
    expect(t.events[7]).toMatchObject({ customInput: true });
    for (const e of t.events) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(t.startedAt));
    expect(t.summary).toMatchObject({ pastes: 2, largePastes: 1, externalPastes: 1, largestPasteChars: 240, focusLosses: 1, runs: 1, customInputRuns: 1, submits: 1, connectionLosses: 1 });
    expect(t.summary.text).toMatch(/^1 paste of 200\+ characters \(2 pastes in all, 1 from outside the page\), 1 focus loss, 1 run \(1 with custom input\), 1 submission, 1 connection loss, \d+ (seconds?|minutes?) active$/);
  });

  it('never lets candidates read timelines or playbacks, their own included', async () => {
    expect(errorCode(await api.gql(TIMELINE, { id: a().attemptId }, a().user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(TIMELINE, { id: a().attemptId }, b().user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(PLAYBACK, { a: a().attemptId, p: ledgersId() }, a().user.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(TIMELINE, { id: a().attemptId }))).toBe('UNAUTHENTICATED');
  });

  it("writes only into the caller's own open attempt, only browser events", async () => {
    const batch = (over: Record<string, unknown>) => ({ attemptId: a().attemptId, batchId: batchId(), events: [{ type: 'FOCUS_LOST', ageMs: 0 }], snapshots: [], ...over });
    expect(errorCode(await api.gql(RECORD, { i: batch({}) }, b().user.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(RECORD, { i: batch({}) }, rec()))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(RECORD, { i: batch({}) }, story.interviewer.token))).toBe('FORBIDDEN');
    const forged = await api.gql(RECORD, { i: batch({ events: [{ type: 'SUBMIT', ageMs: 0 }] }) }, a().user.token);
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
    expect(forged.errors![0].message).toMatch(/events\.0\.type: SUBMIT is recorded by the API itself/);
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await api.gql(RECORD, { i: batch({ snapshots: [{ problemId: stranger, language: 'javascript', code: 'x', ageMs: 0 }] }) }, a().user.token))).toBe('BAD_USER_INPUT');
  });

  it('shows interviewers nothing unless the job allows it, and then only positions in the allowed time', async () => {
    const q = `query($id: ID!) { interview(id: $id) { attemptTimelines { attemptId events { type elapsedPercent chars external } summary { pastes largePastes focusLosses submits activePercent text } } } }`;
    const denied = await api.gql(q, { id: interviewId }, story.interviewer.token);
    expect(errorCode(denied)).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(TIMELINE, { id: a().attemptId }, story.interviewer.token))).toBe('FORBIDDEN');

    const job = ok(await api.gql(`mutation($id: ID!) { updateJob(id: $id, input: { interviewersSeeTimeline: true }) { interviewersSeeTimeline } }`, { id: story.jobId }, rec())).updateJob;
    expect(job.interviewersSeeTimeline).toBe(true);
    const [t] = ok(await api.gql(q, { id: interviewId }, story.interviewer.token)).interview.attemptTimelines;
    expect(t.attemptId).toBe(a().attemptId);
    expect(t.events.map((e: { type: string }) => e.type)).toContain('PASTE');
    expect(t.summary).toMatchObject({ pastes: 2, largePastes: 1, focusLosses: 1, submits: 1 });
    for (const e of t.events) expect(e.elapsedPercent).toBeGreaterThanOrEqual(0);
    expect(t.summary.text).toMatch(/active \d+% of the allowed time$/);
    // The type cannot carry a time, a duration or the accommodation: asking is a validation error.
    for (const field of ['at', 'offsetSeconds']) {
      expect(errorCode(await api.gql(`query($id: ID!) { interview(id: $id) { attemptTimelines { events { ${field} } } } }`, { id: interviewId }, story.interviewer.token))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    for (const field of ['startedAt', 'endedAt', 'extraTimePercent', 'deadline']) {
      expect(errorCode(await api.gql(`query($id: ID!) { interview(id: $id) { attemptTimelines { ${field} } } }`, { id: interviewId }, story.interviewer.token))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(errorCode(await api.gql(`query($id: ID!) { interview(id: $id) { attemptTimelines { summary { activeSeconds } } } }`, { id: interviewId }, story.interviewer.token))).toBe('GRAPHQL_VALIDATION_FAILED');
    // Another interviewer does not reach the interview at all.
    const other = await api.user(Role.INTERVIEWER);
    expect(errorCode(await api.gql(q, { id: interviewId }, other.token))).toBe('NOT_FOUND');
  });

  it('bounds events per attempt (LIMIT_EXCEEDED) and batches per minute (RATE_LIMITED)', async () => {
    const full = () => ({
      attemptId: b().attemptId,
      batchId: batchId(),
      events: Array.from({ length: TIMELINE_LIMITS.eventsPerBatch }, () => ({ type: 'FOCUS_REGAINED', ageMs: 0 })),
      snapshots: [],
    });
    const perAttempt = TIMELINE_LIMITS.eventsPerAttempt / TIMELINE_LIMITS.eventsPerBatch;
    for (let i = 0; i < perAttempt; i++) ok(await api.gql(RECORD, { i: full() }, b().user.token));
    const over = await api.gql(RECORD, { i: full() }, b().user.token);
    expect(errorCode(over)).toBe('LIMIT_EXCEEDED');
    expect(over.errors![0].message).toMatch(/timeline is full \(at most 5000 events/);
    const codes: string[] = [];
    for (let i = perAttempt + 2; i <= TIMELINE_LIMITS.batchesPerMinute; i++) codes.push(errorCode(await api.gql(RECORD, { i: full() }, b().user.token))!);
    expect(new Set(codes)).toEqual(new Set(['LIMIT_EXCEEDED']));
    expect(errorCode(await api.gql(RECORD, { i: full() }, b().user.token))).toBe('RATE_LIMITED');
    // Too many in one batch is refused before anything counts.
    const tooMany = { ...full(), attemptId: c().attemptId, events: Array.from({ length: TIMELINE_LIMITS.eventsPerBatch + 1 }, () => ({ type: 'FOCUS_LOST', ageMs: 0 })) };
    expect(errorCode(await api.gql(RECORD, { i: tooMany }, c().user.token))).toBe('BAD_USER_INPUT');
  });

  it('records every one of parallel runs, each with its code, in one unbroken playback', async () => {
    const sources = [
      'function reconcileLedgers() { return { missing: [], unexpected: [], mismatched: [] }; }',
      'function reconcileLedgers() { return { missing: ["pay_1"], unexpected: [], mismatched: [] }; }',
      'function reconcileLedgers() { return {}; }',
    ];
    await Promise.all(
      sources.map((source) =>
        api.gql(`mutation($i: RunCodeInput!) { runCode(input: $i) { id } }`, { i: { attemptId: c().attemptId, problemId: ledgersId(), language: 'javascript', source } }, c().user.token).then(ok),
      ),
    );
    const p = ok(await api.gql(PLAYBACK, { a: c().attemptId, p: ledgersId() }, rec())).attemptPlayback;
    expect(p.total).toBe(3);
    expect(p.frames.map((f: { code: string }) => f.code).sort()).toEqual([...sources].sort());
    const t = ok(await api.gql(TIMELINE, { id: c().attemptId }, rec())).attemptTimeline;
    expect(t.summary.runs).toBe(3);
  });

  it('stops recording when the attempt is finished', async () => {
    ok(await api.gql(`mutation($id: ID!) { finishAssessment(attemptId: $id) { status } }`, { id: c().attemptId }, c().user.token));
    const res = await api.gql(RECORD, { i: { attemptId: c().attemptId, batchId: batchId(), events: [{ type: 'FOCUS_LOST', ageMs: 0 }], snapshots: [] } }, c().user.token);
    expect(errorCode(res)).toBe('FAILED_PRECONDITION');
  });
});
