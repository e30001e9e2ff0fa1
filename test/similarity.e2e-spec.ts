import * as fs from 'node:fs';
import { ok, Platform, platformAssessment, platformCandidate, platformClient, PLATFORM_START_MS, projectFile, startPlatform, waitFor, type PlatformClient } from '@app/testing';

// Two-sum solutions submitted to reconcile-ledgers (two-sum is a practice problem an assessment
// refuses): the analysis compares texts, not verdicts.
const fixture = (name: string) => fs.readFileSync(projectFile(`libs/integrity/test-fixtures/similarity/two-sum/${name}`), 'utf8');

/**
 * Code similarity through the whole platform (API and worker processes, real Redis and
 * PostgreSQL): two candidates submit near-identical Python solutions to the same assessment (the
 * second renamed, reordered, commented and padded with dead code), a third an independent one.
 * After they finish, the worker's similarity job flags the pair and not the third, and the
 * recruiter reads the pair with its fragments' line ranges through GraphQL.
 */
describe('code similarity end to end', () => {
  let p: Platform;
  let api: PlatformClient;

  beforeAll(async () => {
    // No debounce: the analysis runs as soon as an attempt finishes.
    p = await startPlatform({ env: { SIMILARITY_DEBOUNCE_MS: '0' } });
    api = platformClient(p);
  }, PLATFORM_START_MS);
  afterAll(() => p?.stop());

  it('flags the copied pair, not the independent solution, and shows the recruiter the fragments', async () => {
    const { call, must } = api;
    const setup = await platformAssessment(api, { title: 'Similarity', instructions: 'One problem.', problems: [{ slug: 'reconcile-ledgers', points: 100 }] });
    const { recruiter: rec, jobId } = setup;
    const problemId = setup.problems['reconcile-ledgers'].id;
    const candidate = (name: string) => platformCandidate(api, setup, name, 'Student writing Python services.');
    const solveAndFinish = async (c: { token: string; attemptId: string }, source: string) => {
      await must(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId: c.attemptId, problemId, language: 'python', source } }, c.token);
      await must(`mutation($a: ID!) { finishAssessment(attemptId: $a) { status } }`, { a: c.attemptId }, c.token);
    };

    const independent = await candidate('ivy');
    const original = await candidate('olga');
    const copier = await candidate('carl');
    // The independent one finishes first, so every analysis that sees both copies sees it too.
    await solveAndFinish(independent, fixture('c.py'));
    await solveAndFinish(original, fixture('a.py'));
    await solveAndFinish(copier, fixture('a.disguised.py'));

    const pairsOf = async (attemptId: string, token = rec) =>
      call(
        `query($a: ID!) { attemptSimilarity(attemptId: $a, first: 5) { similarity longestFragment scope language
          attempt { kind applicationId source } other { kind applicationId source }
          fragments { attemptLines { startLine endLine } otherLines { startLine endLine } kgrams } } }`,
        { a: attemptId },
        token,
      );
    const pairs = await waitFor(
      async () => {
        const found = ok(await pairsOf(copier.attemptId)).attemptSimilarity as any[];
        return found.length > 0 ? found : undefined;
      },
      120_000,
      'the similarity job to store the pair',
    );
    expect(pairs).toHaveLength(1);
    const [pair] = pairs;
    expect(pair).toMatchObject({ scope: 'ASSESSMENT', language: 'python' });
    expect(pair.similarity).toBeGreaterThanOrEqual(0.6);
    expect(pair.attempt).toMatchObject({ kind: 'SUBMISSION', applicationId: copier.applicationId, source: fixture('a.disguised.py') });
    expect(pair.other).toMatchObject({ kind: 'SUBMISSION', applicationId: original.applicationId, source: fixture('a.py') });
    const copyLines = fixture('a.disguised.py').split('\n').length;
    const originalLines = fixture('a.py').split('\n').length;
    expect(pair.fragments.length).toBeGreaterThan(0);
    for (const f of pair.fragments) {
      expect(f.attemptLines.startLine).toBeGreaterThanOrEqual(1);
      expect(f.attemptLines.endLine).toBeGreaterThanOrEqual(f.attemptLines.startLine);
      expect(f.attemptLines.endLine).toBeLessThanOrEqual(copyLines);
      expect(f.otherLines.endLine).toBeLessThanOrEqual(originalLines);
      expect(f.kgrams).toBeGreaterThan(0);
    }
    // The loop body is the longest shared fragment: it spans several lines on both sides.
    expect(pair.fragments[0].attemptLines.endLine - pair.fragments[0].attemptLines.startLine).toBeGreaterThanOrEqual(3);
    expect(pair.longestFragment).toBe(pair.fragments[0].kgrams);

    expect(ok(await pairsOf(independent.attemptId)).attemptSimilarity).toEqual([]);
    expect(ok(await pairsOf(original.attemptId)).attemptSimilarity).toHaveLength(1);
    expect((await pairsOf(copier.attemptId, copier.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const entries = (await must(`query($j: ID!) { shortlist(jobId: $j, first: 10) { entries { applicationId integrityReview { flagged } } } }`, { j: jobId }, rec)).shortlist
      .entries as { applicationId: string; integrityReview: { flagged: boolean } }[];
    const flagged = new Map(entries.map((e) => [e.applicationId, e.integrityReview.flagged]));
    expect([flagged.get(original.applicationId), flagged.get(copier.applicationId), flagged.get(independent.applicationId)]).toEqual([true, true, false]);
  }, 300_000);
});
