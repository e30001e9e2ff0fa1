import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import type { ValidationReport } from '@app/contracts';
import { ProblemEntity, ProblemValidationStatus, WrongSolutionRecord } from '@app/domain';
import { JudgeSubmissionHandler } from '@app/judging';
import { ProblemsService } from '../problems.service';
import { ApiHarness, inSeedContext, startApi } from '@app/api-testing';
import { loadBankDir } from './bank-files';
import { seedProblemBank } from './bank.seeder';

/**
 * The seed step stores and validates (in the real judge) every reference, Python and SQL
 * included, and keeps the problem document whole (its `languages`, `signatures`, `starters`).
 */
describe('problem bank seed step (PostgreSQL, real judge)', () => {
  let api: ApiHarness;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('seeds function, stdio and SQL problems with all their references (Python and SQL included), validated', async () => {
    const entries = loadBankDir().filter((e) =>
      ['two-sum', 'aggregate-request-logs', 'endpoint-error-rates'].includes(String(e.definition.slug)),
    );
    expect(entries.map((e) => e.referenceSolutions.some((s) => s.language === 'python' || s.language === 'sql'))).toEqual([
      true,
      true,
      true,
    ]);

    await inSeedContext(api, (app) => seedProblemBank(app, { config: api.config, logger: createLogger('silent', 'test'), demo: false }, entries));

    const stored = await ds.getRepository(ProblemEntity).find({ order: { slug: 'ASC' } });
    expect(stored.map((p) => [p.slug, p.validationStatus])).toEqual([
      ['aggregate-request-logs', ProblemValidationStatus.VALID],
      ['endpoint-error-rates', ProblemValidationStatus.VALID],
      ['two-sum', ProblemValidationStatus.VALID],
    ]);
    for (const p of stored) {
      const entry = entries.find((e) => e.definition.slug === p.slug)!;
      expect(p.referenceSolutions).toEqual(entry.referenceSolutions);
      expect(p.definition).toEqual(entry.definition);
      expect(p.definition.languages).toEqual(p.slug === 'endpoint-error-rates' ? ['sql'] : ['javascript', 'typescript', 'python']);
      // Every reference was judged, each in its own language.
      const solutions = (p.validationReport as { solutions: Array<{ language: string; verdict: string }> }).solutions;
      expect(solutions.map((x) => [x.language, x.verdict]).sort()).toEqual(entry.referenceSolutions.map((s) => [s.language, 'ACCEPTED']).sort());
    }
    // two-sum's generated performance test: calibrated per reference language at validation, stored with the problem.
    const twoSum = stored.find((p) => p.slug === 'two-sum')!;
    expect(twoSum.calibration?.engine).toEqual(expect.stringContaining('isolated-vm'));
    expect(twoSum.calibration?.figures.map((f) => [f.test, f.language]).sort()).toEqual(
      ['javascript', 'python', 'typescript'].map((l) => ['100000 numbers, pair at the end', l]),
    );
    for (const f of twoSum.calibration?.figures ?? []) expect(f.limitMs).toBeGreaterThanOrEqual(3 * f.referenceMedianMs);
    expect((twoSum.validationReport as { calibration?: unknown[] }).calibration).toHaveLength(3);
    // Calibrated: the problems with performance tests (endpoint-error-rates, SQL, has none).
    expect(stored.filter((p) => p.calibration).map((p) => p.slug)).toEqual(['aggregate-request-logs', 'two-sum']);
  }, 300_000);

  it('validates known-wrong solutions stored with a problem: each must fail as its label says', async () => {
    const entry = loadBankDir().find((e) => e.definition.slug === 'two-sum')!;
    const wrong = entry.wrongSolutions.filter((w) => w.language === 'javascript' && ['slow', 'reuses-same-index'].includes(w.label));
    expect(wrong.map((w) => w.label).sort()).toEqual(['reuses-same-index', 'slow']);
    // Wrong on one weight-1 case only (a value paired with itself): caught, but it keeps 24 of 25
    // points, which the report must call out (the bank's own wrong solutions stay under 0.7).
    const reference = entry.referenceSolutions.find((s) => s.language === 'javascript')!.source;
    const nearlyRight: WrongSolutionRecord = {
      label: 'pairs-with-itself-once',
      language: 'javascript',
      source: reference.replace('{\n', '{\n  if (nums.length === 3 && target === 6 && nums[0] === 3) return [0, 0];\n'),
    };
    const validateWith = (wrongSolutions: WrongSolutionRecord[]) =>
      inSeedContext(api, async (app) => {
        const problems = app.get(ProblemsService);
        // Seeded by the test above when it ran; created here when this one runs alone.
        const p = (await problems.findBySlug('two-sum')) ?? (await problems.create({ definition: entry.definition, referenceSolutions: entry.referenceSolutions }, null));
        await problems.update(p.id, { definition: entry.definition, referenceSolutions: entry.referenceSolutions, wrongSolutions });
        await problems.validate(p.id, null);
        const handler = app.get(JudgeSubmissionHandler);
        for (const sub of await problems.validationSubmissions((await problems.findBySlug('two-sum'))!)) await handler.handle({ submissionId: sub.id });
        return (await problems.findBySlug('two-sum'))!;
      });

    const valid = await validateWith([...wrong, nearlyRight]);
    expect(valid.validationStatus).toBe(ProblemValidationStatus.VALID);
    const report = valid.validationReport as ValidationReport;
    expect(report.wrongSolutions?.map((w) => [w.label, w.verdict, w.ok, w.firstFailing?.kind]).sort()).toEqual([
      ['pairs-with-itself-once', 'WRONG_ANSWER', true, 'correctness'],
      ['reuses-same-index', 'WRONG_ANSWER', true, 'correctness'],
      ['slow', 'TIME_LIMIT_EXCEEDED', true, 'performance'],
    ]);
    expect(report.wrongSolutions?.find((w) => w.label === 'pairs-with-itself-once')?.score).toBe(0.96);
    expect(report.warnings?.filter((w) => w.startsWith('wrong solution ')).map((w) => w.split(' scores')[0])).toEqual([
      'wrong solution pairs-with-itself-once (javascript)',
    ]);

    // A correct solution filed as known-wrong: the tests do not catch it, so the problem is not valid.
    const invalid = await validateWith([{ label: 'not-really-wrong', language: 'javascript', source: entry.referenceSolutions[0].source }]);
    expect(invalid.validationStatus).toBe(ProblemValidationStatus.INVALID);
    expect((invalid.validationReport as ValidationReport).problems).toEqual([
      'wrong solution not-really-wrong (javascript): it passes every test: the tests do not catch it',
    ]);
  }, 300_000);
});
