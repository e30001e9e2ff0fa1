import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import { ProblemEntity, ProblemValidationStatus } from '@app/domain';
import { ApiHarness, startApi } from '@app/testing';
import { REFERENCE_LANGUAGES } from '../problem-document';
import { loadBankDir } from './bank-files';
import { seedProblemBank } from './bank.seeder';

/**
 * The bank ships Python and SQL references before the platform validates them: the seed step
 * stores and validates (in the real judge) only references in REFERENCE_LANGUAGES, keeps the
 * problem document whole (its `languages`, `signatures`, `starters`), and skips a problem left
 * without a reference (the SQL ones) instead of failing the whole seed.
 */
describe('problem bank seed step (PostgreSQL, real judge)', () => {
  let api: ApiHarness;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('seeds function and stdio problems with their JavaScript/TypeScript references, validated, and skips SQL problems', async () => {
    const entries = loadBankDir().filter((e) =>
      ['two-sum', 'aggregate-request-logs', 'endpoint-error-rates'].includes(String(e.definition.slug)),
    );
    expect(entries.map((e) => e.referenceSolutions.some((s) => s.language === 'python' || s.language === 'sql'))).toEqual([
      true,
      true,
      true,
    ]);

    await seedProblemBank(api.app, { config: api.config, logger: createLogger('silent', 'test'), demo: false }, entries);

    const stored = await ds.getRepository(ProblemEntity).find({ order: { slug: 'ASC' } });
    expect(stored.map((p) => [p.slug, p.validationStatus])).toEqual([
      ['aggregate-request-logs', ProblemValidationStatus.VALID],
      ['two-sum', ProblemValidationStatus.VALID],
    ]);
    for (const p of stored) {
      const entry = entries.find((e) => e.definition.slug === p.slug)!;
      expect(p.referenceSolutions).toEqual(entry.referenceSolutions.filter((s) => REFERENCE_LANGUAGES.includes(s.language)));
      expect(p.definition).toEqual(entry.definition);
      expect(p.definition.languages).toEqual(['javascript', 'typescript', 'python']);
    }
  }, 120_000);
});
