import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import { ProblemEntity, ProblemValidationStatus } from '@app/domain';
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
    expect(stored.filter((p) => p.calibration).map((p) => p.slug)).toEqual(['two-sum']);
  }, 300_000);
});
