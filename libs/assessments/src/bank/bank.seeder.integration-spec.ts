import pino from 'pino';
import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import type { ValidationReport } from '@app/contracts';
import { CalibrationRecord, ProblemEntity, ProblemValidationStatus, WrongSolutionRecord } from '@app/domain';
import { JudgeSubmissionHandler } from '@app/judging';
import { CALIBRATION_RUNS, calibratedLimitMs, engineFingerprint, Judge } from '@app/sandbox';
import { ProblemsService } from '../problems.service';
import { ApiHarness, inSeedContext, startApi } from '@app/api-testing';
import { CALIBRATE_COMMAND, inputsHashOf, loadShippedCalibration, shippedCalibrationFor, ShippedCalibration } from './bank-calibration';
import { BankEntry, loadBankDir } from './bank-files';
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
      // Every reference was judged, each in its own language: accepted, or out of time under
      // shipped limits too tight for this machine, which validation then measured again (and says so).
      const report = p.validationReport as { solutions: Array<{ language: string; verdict: string }>; warnings?: string[] };
      const remeasured = (language: string) => (report.warnings ?? []).some((w) => w.startsWith(`${language} performance limits measured again`));
      expect(report.solutions.map((x) => [x.language, x.verdict === 'TIME_LIMIT_EXCEEDED' && remeasured(x.language) ? 'ACCEPTED' : x.verdict]).sort()).toEqual(
        entry.referenceSolutions.map((s) => [s.language, 'ACCEPTED']).sort(),
      );
    }
    // two-sum's generated performance test: calibrated per reference language at validation, stored with the problem.
    const twoSum = stored.find((p) => p.slug === 'two-sum')!;
    expect(twoSum.calibration?.engine).toEqual(expect.stringContaining('isolated-vm'));
    expect(twoSum.calibration?.figures.map((f) => [f.test, f.language]).sort()).toEqual(
      ['javascript', 'python', 'typescript'].map((l) => ['100000 numbers, pair at the end', l]),
    );
    for (const f of twoSum.calibration?.figures ?? []) expect(f.limitMs).toBeGreaterThanOrEqual(3 * f.referenceMedianMs);
    expect((twoSum.validationReport as { calibration?: unknown[] }).calibration).toHaveLength(3);
    // Calibrated: the problems with performance tests (all three: endpoint-error-rates' is SQL's).
    expect(stored.filter((p) => p.calibration).map((p) => p.slug)).toEqual(['aggregate-request-logs', 'endpoint-error-rates', 'two-sum']);
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
        const updated = await problems.update(p.id, { definition: entry.definition, referenceSolutions: entry.referenceSolutions, wrongSolutions });
        // Limits as seeding sets them: the shipped calibration when it fits this engine (else calibrated at validation).
        const shipped = shippedCalibrationFor(loadShippedCalibration(), 'two-sum', inputsHashOf(entry));
        if ('calibration' in shipped) await problems.useCalibration(updated.id, updated.version, shipped.calibration);
        await problems.validate(p.id, null);
        const handler = app.get(JudgeSubmissionHandler);
        for (const sub of await problems.validationSubmissions((await problems.findBySlug('two-sum'))!)) await handler.handle({ submissionId: sub.id });
        return (await problems.findBySlug('two-sum'))!;
      });

    const valid = await validateWith([...wrong, nearlyRight]);
    // On failure, the whole report (which solution missed, the calibrated limits) is the message.
    expect(valid.validationStatus === ProblemValidationStatus.VALID ? 'VALID' : JSON.stringify(valid.validationReport)).toBe('VALID');
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

  describe('with the calibration shipped with the bank', () => {
    // Only JavaScript references, under slugs of their own: one timed language per problem, and no row of another test.
    const twoSum = loadBankDir().find((e) => e.definition.slug === 'two-sum')!;
    const variant = (slug: string, n = 100000): BankEntry => ({
      ...twoSum,
      definition: {
        ...twoSum.definition,
        slug,
        tests: (twoSum.definition.tests as Array<Record<string, unknown>>).map((t) => (t.kind === 'performance' ? { ...t, generate: { seed: 7, n } } : t)),
      },
      referenceSolutions: twoSum.referenceSolutions.filter((r) => r.language === 'javascript'),
    });
    const measuredAt = '2026-11-30T12:00:00.000Z';
    // Figures no calibration here would measure, so the stored ones can only come from the file.
    const figures: CalibrationRecord['figures'] = [{ test: '100000 numbers, pair at the end', language: 'javascript', referenceMedianMs: 1000, runs: CALIBRATION_RUNS, limitMs: 3000 }];
    const shippedFor = (entries: Array<{ entry: BankEntry; engine?: string }>): ShippedCalibration => ({
      engine: engineFingerprint(),
      problems: Object.fromEntries(
        entries.map(({ entry, engine }) => [String(entry.definition.slug), { inputs: inputsHashOf(entry), calibration: { engine: engine ?? engineFingerprint(), measuredAt, figures } }]),
      ),
    });

    /** Seeds `entries` with `shipped`, counting the judge's timed runs (calibration's: `check: true`) and its untimed ones (materialization's). */
    async function seed(entries: BankEntry[], shipped: ShippedCalibration) {
      const lines: Array<{ level: number; msg: string; problems?: string[] }> = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
      const runTests = jest.spyOn(Judge.prototype, 'runTests');
      try {
        await inSeedContext(api, (app) => seedProblemBank(app, { config: api.config, logger, demo: false }, entries, shipped));
        const calls = runTests.mock.calls.map((c) => c[4]);
        const slugs = entries.map((e) => String(e.definition.slug));
        const stored = await ds.getRepository(ProblemEntity).find({ where: slugs.map((slug) => ({ slug })), order: { slug: 'ASC' } });
        return { timed: calls.filter((o) => o.check).length, untimed: calls.filter((o) => !o.check).length, lines, stored };
      } finally {
        runTests.mockRestore();
      }
    }

    it('uses the shipped figures when engine and inputs match: no timing runs, every reference still judged, stored as shipped', async () => {
      const entry = variant('calib-shipped');
      const shipped = shippedFor([{ entry }]);
      const { timed, untimed, lines, stored } = await seed([entry], shipped);

      expect(timed).toBe(0);
      // The spy sees the judge's runs: the generated test's data and answer were still made.
      expect(untimed).toBeGreaterThanOrEqual(2);
      expect(stored.map((p) => [p.slug, p.validationStatus])).toEqual([['calib-shipped', ProblemValidationStatus.VALID]]);
      expect(stored[0].calibration).toEqual(shipped.problems['calib-shipped'].calibration);
      const report = stored[0].validationReport as ValidationReport;
      expect(report.solutions?.map((x) => [x.language, x.verdict])).toEqual([['javascript', 'ACCEPTED']]);
      expect(report.calibration).toEqual(figures);
      expect(lines.find((l) => l.msg.startsWith('performance limits from the shipped calibration'))?.problems).toEqual(['calib-shipped']);
      expect(lines.filter((l) => l.msg.startsWith('calibrating anew'))).toEqual([]);
    }, 300_000);

    it('measures anew when the shipped figures are too tight for this machine, and stores what it measured', async () => {
      // Limits of a machine far faster than any: the reference's run as a submission is out of
      // time, and so is the check's first judgement of it.
      const entry = variant('calib-tight');
      const tight: CalibrationRecord['figures'] = [{ test: '100000 numbers, pair at the end', language: 'javascript', referenceMedianMs: 0.1, runs: CALIBRATION_RUNS, limitMs: 1 }];
      const shipped = shippedFor([{ entry }]);
      shipped.problems['calib-tight'].calibration.figures = tight;
      const { timed, stored } = await seed([entry], shipped);

      expect(timed).toBeGreaterThanOrEqual(CALIBRATION_RUNS);
      expect(stored.map((p) => [p.slug, p.validationStatus])).toEqual([['calib-tight', ProblemValidationStatus.VALID]]);
      const report = stored[0].validationReport as ValidationReport;
      expect(report.solutions?.map((x) => [x.language, x.verdict])).toEqual([['javascript', 'TIME_LIMIT_EXCEEDED']]);
      expect(report.problems).toEqual([]);
      expect(report.warnings).toEqual(['javascript performance limits measured again: the reference needed more than half of the ones given']);
      const [f] = stored[0].calibration!.figures;
      expect(stored[0].calibration?.measuredAt).not.toBe(measuredAt);
      expect([f.test, f.language, f.runs]).toEqual(['100000 numbers, pair at the end', 'javascript', CALIBRATION_RUNS]);
      expect(f.referenceMedianMs).toBeGreaterThan(1);
      expect(f.limitMs).toBe(calibratedLimitMs(f.referenceMedianMs));
      expect(report.calibration).toEqual([f]);
    }, 300_000);

    it('calibrates anew, and says why, when a performance test changed or the figures come from another engine', async () => {
      const changed = variant('calib-changed', 20000);
      const otherEngine = variant('calib-other-engine', 20000);
      const shipped = shippedFor([{ entry: variant('calib-changed') }, { entry: otherEngine, engine: 'node 0.0.0; v8 0; isolated-vm 0.0.0; pyodide 0.0.0; sql.js 0.0.0; cpu elsewhere' }]);
      const { timed, lines, stored } = await seed([changed, otherEngine], shipped);

      expect(timed).toBeGreaterThanOrEqual(2 * CALIBRATION_RUNS);
      expect(stored.map((p) => [p.slug, p.validationStatus])).toEqual([
        ['calib-changed', ProblemValidationStatus.VALID],
        ['calib-other-engine', ProblemValidationStatus.VALID],
      ]);
      for (const p of stored) {
        expect(p.calibration?.engine).toBe(engineFingerprint());
        expect(p.calibration?.measuredAt).not.toBe(measuredAt);
        expect(p.calibration?.figures.map((f) => [f.test, f.language, f.runs])).toEqual([['100000 numbers, pair at the end', 'javascript', CALIBRATION_RUNS]]);
      }
      const anew = lines.filter((l) => l.msg.startsWith('calibrating anew'));
      expect(anew.map((l) => [l.level, l.problems])).toEqual([
        [40, ['calib-changed']],
        [30, ['calib-other-engine']],
      ]);
      expect(anew[0].msg).toContain(CALIBRATE_COMMAND);
      expect(lines.some((l) => l.msg.startsWith('performance limits from the shipped calibration'))).toBe(false);
    }, 300_000);
  });
});
