import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProblemsService } from '@app/assessments';
import { Role } from '@app/domain';
import { SimilarityService } from '@app/integrity';
import { SimilarityQueue } from '@app/queue';
import { errorCode, ok } from '@app/testing';
import { ApiHarness, assessmentStory, AssessmentStory, startApi } from '@app/api-testing';

// The candidates' sources are the two-sum fixtures submitted to reconcile-ledgers (the story's first
// problem; two-sum is a practice problem an assessment refuses): the analysis compares texts, not
// verdicts. The leaked source is reconcile-ledgers' own reference.
const FIXTURES = path.resolve(__dirname, '../../../../libs/integrity/test-fixtures/similarity/two-sum');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const PAIR_FIELDS = `id similarity longestFragment scope problemTitle language
  attempt { kind attemptId applicationId covered source }
  other { kind attemptId applicationId referenceIndex covered source }
  fragments { attemptLines { startLine endLine } otherLines { startLine endLine } kgrams }`;

/**
 * Code similarity through the API on the real database (PostgreSQL, and SQLite in the -sqlite
 * project) and Redis: finishing schedules the analyses on their own queue; the worker's handler
 * (called here as the worker would) stores the pairs; recruiters read them; nobody else does; the
 * shortlist marks the applications without changing a score.
 */
describe('code similarity', () => {
  let api: ApiHarness;
  let story: AssessmentStory;
  let problemId: string;
  let scoresBefore: Map<string, number | null>;

  const rec = () => story.recruiter.token;
  const cand = (i: number) => story.candidates[i];
  const shortlist = async () =>
    ok(await api.gql(`query($j: ID!) { shortlist(jobId: $j, first: 50) { entries { applicationId score integrityReview { flagged explanation } } } }`, { j: story.jobId }, rec()))
      .shortlist.entries as { applicationId: string; score: number | null; integrityReview: { flagged: boolean; explanation: string | null } }[];
  const pairsOf = async (attemptId: string, token = rec()) => api.gql(`query($a: ID!) { attemptSimilarity(attemptId: $a, first: 10) { ${PAIR_FIELDS} } }`, { a: attemptId }, token);

  beforeAll(async () => {
    api = await startApi();
    // Candidates 0 and 1 copy (1 renamed, reordered, commented, with dead code), 2 writes their own,
    // 3 pastes the bank's reference solution with renamed identifiers.
    story = await assessmentStory(api, 4, 0);
    problemId = story.problems['reconcile-ledgers'];
    const reference = (await api.app.get(ProblemsService).get(problemId)).referenceSolutions.find((r) => r.language === 'javascript')!.source;
    const leaked = reference.replace(/sums/g, 'acc').replace(/ours/g, 'mine').replace(/theirs/g, 'other').replace(/byCode/g, 'cmp');
    expect(leaked).not.toBe(reference);
    const sources = [fixture('a.js'), fixture('a.disguised.js'), fixture('c.js'), leaked];
    scoresBefore = new Map((await shortlist()).map((e) => [e.applicationId, e.score]));
    for (let i = 0; i < 4; i++) {
      // An earlier submission does not count: the last one is the final submission.
      if (i === 0) ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId: cand(i).attemptId, problemId, language: 'javascript', source: fixture('b.js') } }, cand(i).user.token));
      ok(await api.gql(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId: cand(i).attemptId, problemId, language: 'javascript', source: sources[i] } }, cand(i).user.token));
      ok(await api.gql(`mutation($a: ID!) { finishAssessment(attemptId: $a) { status } }`, { a: cand(i).attemptId }, cand(i).user.token));
    }
  }, 300_000);

  afterAll(async () => {
    await api.app.get(SimilarityQueue).queue.obliterate({ force: true });
    await api?.close();
  });

  it('schedules one debounced analysis per problem and language for the assessment and for the job when attempts finish, and one at the deadline', async () => {
    const queue = api.app.get(SimilarityQueue).queue;
    const deadline = Date.now() + 25 * 60_000; // the 30-minute attempts close at least 25 minutes from now
    type Jobs = Awaited<ReturnType<typeof queue.getJobs>>;
    const split = (jobs: Jobs) => ({
      now: jobs.filter((j) => j.timestamp + (j.opts.delay ?? 0) < deadline),
      atDeadline: jobs.filter((j) => j.timestamp + (j.opts.delay ?? 0) >= deadline),
    });
    let jobs: Jobs = [];
    for (let i = 0; i < 50 && split(jobs).now.length < 2; i++) {
      jobs = await queue.getJobs(['delayed', 'waiting']);
      if (split(jobs).now.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    const groups = (js: Jobs) => [...new Set(js.map((j) => `${j.data.scope}:${j.data.language}`))].sort();
    const { now, atDeadline } = split(jobs);
    // Four finishes in one debounce window (3 minutes by default): one job per group, not four.
    expect(now.map((j) => `${j.data.scope}:${j.data.language}`).sort()).toEqual(['ASSESSMENT:javascript', 'JOB:javascript']);
    // Submissions schedule the same groups at their attempt's deadline (the four started together: one or two windows).
    expect(groups(atDeadline)).toEqual(['ASSESSMENT:javascript', 'JOB:javascript']);
    expect(atDeadline.length).toBeLessThanOrEqual(4);
    expect(jobs.every((j) => j.data.problemId === problemId)).toBe(true);
  });

  it("flags the copied pair and the pasted reference, not the independent solution, and keeps each side's lines", async () => {
    const similarity = api.app.get(SimilarityService);
    const outcome = await similarity.analyze({ scope: 'ASSESSMENT', scopeId: story.assessmentId, problemId, language: 'javascript' });
    expect(outcome).toMatchObject({ files: 5, references: 1, leftOut: 0 });
    // Running again replaces the group's pairs rather than adding to them.
    expect((await similarity.analyze({ scope: 'ASSESSMENT', scopeId: story.assessmentId, problemId, language: 'javascript' })).pairs).toBe(outcome.pairs);

    const copied = ok(await pairsOf(cand(1).attemptId)).attemptSimilarity;
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({ scope: 'ASSESSMENT', problemTitle: expect.any(String), language: 'javascript' });
    expect(copied[0].attempt).toMatchObject({ kind: 'SUBMISSION', attemptId: cand(1).attemptId, applicationId: cand(1).applicationId, source: fixture('a.disguised.js') });
    expect(copied[0].other).toMatchObject({ kind: 'SUBMISSION', attemptId: cand(0).attemptId, applicationId: cand(0).applicationId, source: fixture('a.js') });
    expect(copied[0].similarity).toBeGreaterThanOrEqual(0.6);
    expect(copied[0].fragments.length).toBeGreaterThan(0);
    const longest = copied[0].fragments[0];
    // The loop body: lines 5-14 of the disguised copy match lines 3-11 of the original, give or take the k-gram edges.
    expect(longest.attemptLines.startLine).toBeGreaterThanOrEqual(4);
    expect(longest.attemptLines.endLine).toBeLessThanOrEqual(fixture('a.disguised.js').split('\n').length);
    expect(longest.otherLines.startLine).toBeGreaterThanOrEqual(2);
    expect(longest.otherLines.endLine).toBeLessThanOrEqual(fixture('a.js').split('\n').length);

    // The other side reads the same pair, oriented from its attempt.
    const fromOther = ok(await pairsOf(cand(0).attemptId)).attemptSimilarity;
    expect(fromOther.map((p: { id: string }) => p.id)).toEqual([copied[0].id]);
    expect(fromOther[0].fragments[0].attemptLines).toEqual(longest.otherLines);

    expect(ok(await pairsOf(cand(2).attemptId)).attemptSimilarity).toEqual([]);

    const leaked = ok(await pairsOf(cand(3).attemptId)).attemptSimilarity;
    expect(leaked).toHaveLength(1);
    expect(leaked[0].other).toMatchObject({ kind: 'REFERENCE', attemptId: null, applicationId: null, referenceIndex: expect.any(Number) });
    expect(leaked[0].other.source).toContain('const sums = new Map()');
    // Two analyses, each in a child process of its own, on a shared machine.
  }, 120_000);

  it('runs a job-wide pass that stores only pairs across assessments', async () => {
    const outcome = await api.app.get(SimilarityService).analyze({ scope: 'JOB', scopeId: story.jobId, problemId, language: 'javascript' });
    expect(outcome.files).toBe(5);
    expect(outcome.pairs).toBe(0);
  });

  it('marks the shortlist rows for integrity review and changes no score', async () => {
    const entries = await shortlist();
    const byApp = new Map(entries.map((e) => [e.applicationId, e]));
    for (const i of [0, 1, 3]) {
      expect(byApp.get(cand(i).applicationId)!.integrityReview.flagged).toBe(true);
      expect(byApp.get(cand(i).applicationId)!.integrityReview.explanation).toMatch(/^Integrity review: 1 code similarity pair \(highest \d+%, threshold 60%\); evidence to review, the score is unchanged$/);
    }
    expect(byApp.get(cand(2).applicationId)!.integrityReview).toEqual({ flagged: false, explanation: null });
    // Nothing judged the submissions here (no worker), so scores are what they were before any pair existed.
    for (const e of entries) expect(e.score).toBe(scoresBefore.get(e.applicationId));
  });

  it('refuses candidates, including the flagged ones, and interviewers; an unknown attempt is NOT_FOUND', async () => {
    expect(errorCode(await pairsOf(cand(1).attemptId, cand(1).user.token))).toBe('FORBIDDEN');
    expect(errorCode(await pairsOf(cand(0).attemptId, cand(1).user.token))).toBe('FORBIDDEN');
    expect(errorCode(await pairsOf(cand(1).attemptId, story.interviewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await pairsOf(cand(1).attemptId, ''))).toBe('UNAUTHENTICATED');
    const admin = await api.user(Role.ADMIN);
    expect(ok(await pairsOf(cand(1).attemptId, admin.token)).attemptSimilarity).toHaveLength(1);
    expect(errorCode(await pairsOf('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    // Interviewers cannot reach the shortlist (and its marker) either.
    expect(errorCode(await api.gql(`query($j: ID!) { shortlist(jobId: $j) { totalCount } }`, { j: story.jobId }, story.interviewer.token))).toBe('FORBIDDEN');
  });
});
