import * as fs from 'node:fs';
import { Platform, platformAssessment, platformCandidate, platformClient, PLATFORM_START_MS, projectFile, startPlatform, subscribe, type PlatformClient } from '@app/testing';

/**
 * Python and SQL through the whole platform (real Redis, API and worker processes, the bank
 * seeded and validated by platform-init): a candidate sees each problem's languages, starters
 * and an SQL problem's schema and sample rows, and gets ACCEPTED and WRONG_ANSWER verdicts for
 * Python and SQL solutions judged by the worker.
 */
interface BankFile {
  schema?: string;
  referenceSolutions: { language: string; source: string }[];
}
const bank = (slug: string) => JSON.parse(fs.readFileSync(projectFile(`libs/assessments/data/problems/${slug}.json`), 'utf8')) as BankFile;
const wrong = (file: string) => fs.readFileSync(projectFile(`libs/assessments/data/problems/wrong/${file}`), 'utf8');
const reference = (slug: string, language: string) => bank(slug).referenceSolutions.find((s) => s.language === language)!.source;

describe('Python and SQL submissions end to end', () => {
  let p: Platform;
  let api: PlatformClient;

  beforeAll(async () => {
    p = await startPlatform();
    api = platformClient(p);
  }, PLATFORM_START_MS);
  afterAll(() => p?.stop());

  it('judges Python and SQL solutions of a candidate, with the problem view each language needs', async () => {
    const { call, must } = api;
    const setup = await platformAssessment(api, {
      title: 'Python and SQL',
      instructions: 'Two problems.',
      problems: [
        { slug: 'reconcile-ledgers', points: 50 },
        { slug: 'endpoint-error-rates', points: 50 },
      ],
    });
    const rec = setup.recruiter;

    // The seed validated every reference, Python and SQL included: the SQL problems are VALID.
    const ledgers = setup.problems['reconcile-ledgers'];
    const rates = setup.problems['endpoint-error-rates'];
    expect(ledgers.validationReport.solutions.map((s) => [s.language, s.verdict])).toEqual([
      ['javascript', 'ACCEPTED'],
      ['typescript', 'ACCEPTED'],
      ['python', 'ACCEPTED'],
    ]);
    expect(rates.validationReport.solutions.map((s) => s.language)).toEqual(['sql', 'sql']);

    const { token: cand, attemptId } = await platformCandidate(api, setup, 'Py', 'Student writing Python services and SQL reports.');

    // What the candidate sees of each.
    const problems = (
      await must(
        `query($id: ID!) { myAttempt(id: $id) { problems { problemId mode languages entryPoints { language text } starters { language text } schema
          examples { tables { name columns rows } expected } } } }`,
        { id: attemptId },
        cand,
      )
    ).myAttempt.problems;
    const ts = problems.find((x: { problemId: string }) => x.problemId === ledgers.id);
    expect(ts.languages).toEqual(['javascript', 'typescript', 'python']);
    expect(ts.entryPoints.find((e: { language: string }) => e.language === 'python').text).toBe('reconcile_ledgers');
    const sqlView = problems.find((x: { problemId: string }) => x.problemId === rates.id);
    expect(sqlView).toMatchObject({ mode: 'sql', languages: ['sql'], entryPoints: [], schema: bank('endpoint-error-rates').schema });
    expect(sqlView.starters.map((s: { language: string }) => s.language)).toEqual(['sql']);
    const [table] = sqlView.examples[0].tables;
    expect(table.name).toBe('requests');
    expect(table.columns).toEqual(['id', 'endpoint', 'status', 'latency_ms']);
    expect(table.rows[0]).toHaveLength(4);
    expect(sqlView.examples[0].expected.columns).toEqual(['endpoint', 'requests', 'server_errors', 'error_permille']);

    const verdictOf = async (problemId: string, language: string, source: string) => {
      const sub = (
        await must(`mutation($i: CodeInput!) { submitSolution(input: $i) { id language state } }`, { i: { attemptId, problemId, language, source } }, cand)
      ).submitSolution;
      expect(sub.language).toBe(language.toUpperCase());
      const live = subscribe<{ submissionUpdated: { state: string; verdict: string; score: number } }>(
        p.url,
        cand,
        `subscription($id: ID!) { submissionUpdated(id: $id) { state verdict score } }`,
        { id: sub.id },
      );
      const events = await live.waitFor((e) => e.submissionUpdated.state === 'FINISHED', 90_000);
      await live.close();
      return events.at(-1)!.submissionUpdated;
    };

    expect(await verdictOf(ledgers.id, 'python', wrong('reconcile-ledgers.last-entry-wins.py'))).toMatchObject({ verdict: 'WRONG_ANSWER' });
    expect(await verdictOf(ledgers.id, 'python', reference('reconcile-ledgers', 'python'))).toMatchObject({ verdict: 'ACCEPTED', score: 1 });
    expect(await verdictOf(rates.id, 'sql', wrong('endpoint-error-rates.integer-division.sql'))).toMatchObject({ verdict: 'WRONG_ANSWER' });
    expect(await verdictOf(rates.id, 'sql', reference('endpoint-error-rates', 'sql'))).toMatchObject({ verdict: 'ACCEPTED', score: 1 });

    // Python on the SQL problem is refused before anything is stored or counted.
    const refused = await call(`mutation($i: CodeInput!) { submitSolution(input: $i) { id } }`, { i: { attemptId, problemId: rates.id, language: 'python', source: 'print(1)' } }, cand);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([{ field: 'language', message: 'this problem accepts sql; got python' }]);

    const results = (await must(`query($id: ID!) { attemptResults(attemptId: $id) { pointsEarned problems { problemId verdicts } } }`, { id: attemptId }, rec)).attemptResults;
    expect(results.pointsEarned).toBe(100);
    expect(Object.fromEntries(results.problems.map((x: { problemId: string; verdicts: string[] }) => [x.problemId, x.verdicts]))).toEqual({
      [ledgers.id]: ['WRONG_ANSWER', 'ACCEPTED'],
      [rates.id]: ['WRONG_ANSWER', 'ACCEPTED'],
    });
  }, 300_000);
});
