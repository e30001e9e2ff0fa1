/**
 * The calibration shipped with the bank (libs/assessments/data/calibration.json) must match the
 * bank: every problem with performance tests has an entry for its current inputs, measured on
 * this repository's engine (Node, V8, isolated-vm, Pyodide, sql.js). A stale entry would only
 * cost a fresh database its timing runs; this spec says which problem and how to refresh it.
 */
import { calibratedLimitMs, CALIBRATION_RUNS, engineFingerprint, engineSoftware, loadProblem, referencePerLanguage } from '@app/sandbox';
import {
  CALIBRATE_COMMAND,
  hasPerformanceTests,
  inputsHashOf,
  loadShippedCalibration,
  shippedCalibrationFile,
  shippedCalibrationFor,
  type ShippedCalibration,
} from './bank-calibration';
import { loadBankDir } from './bank-files';

describe('the calibration shipped with the bank', () => {
  const shipped = loadShippedCalibration();
  const bank = loadBankDir();
  const withPerformance = bank.filter((e) => hasPerformanceTests(e.definition));

  it('exists', () => {
    expect(shipped ? 'present' : `libs/assessments/data/calibration.json is missing: write it with ${CALIBRATE_COMMAND}`).toBe('present');
  });

  it('has an entry for the current inputs of every problem with performance tests, and no other', () => {
    const stale = withPerformance.flatMap((e) => {
      const slug = String(e.definition.slug);
      const entry = shipped?.problems[slug];
      if (!entry) return [`${slug}: no entry`];
      return entry.inputs === inputsHashOf(e) ? [] : [`${slug}: its performance tests, generator, limits or references changed since it was calibrated`];
    });
    const extra = Object.keys(shipped?.problems ?? {}).filter((slug) => !withPerformance.some((e) => e.definition.slug === slug));
    stale.push(...extra.map((slug) => `${slug}: not a bank problem with performance tests`));
    expect(stale.length ? `${stale.join('\n')}\nrefresh libs/assessments/data/calibration.json with ${CALIBRATE_COMMAND}` : '').toBe('');
  });

  it("was measured on this repository's engine (the CPU model may differ)", () => {
    const here = engineSoftware(engineFingerprint());
    const engines = new Set([shipped?.engine, ...Object.values(shipped?.problems ?? {}).map((e) => e.calibration.engine)]);
    expect(engines.size).toBe(1);
    const line = `shipped: ${shipped?.engine ?? 'none'}\nhere:    ${engineFingerprint()}\nrefresh it with ${CALIBRATE_COMMAND}`;
    expect(engineSoftware(shipped?.engine ?? '') === here ? '' : line).toBe('');
  });

  it('holds, for every performance test and reference language, the median and the limit calibration sets', () => {
    for (const e of withPerformance) {
      const slug = String(e.definition.slug);
      const problem = loadProblem(e.definition);
      const perf = problem.tests.filter((t) => t.kind === 'performance').map((t) => t.name);
      const languages = referencePerLanguage(e.referenceSolutions).map((r) => r.language);
      const figures = shipped?.problems[slug]?.calibration.figures ?? [];
      expect({ slug, figures: figures.map((f) => `${f.test} / ${f.language}`).sort() }).toEqual({
        slug,
        figures: languages.flatMap((l) => perf.map((t) => `${t} / ${l}`)).sort(),
      });
      for (const f of figures) expect({ slug, ...f }).toEqual({ slug, ...f, runs: CALIBRATION_RUNS, limitMs: calibratedLimitMs(f.referenceMedianMs) });
    }
  });
});

describe('choosing the shipped figures', () => {
  const calibration = { engine: 'engine A', measuredAt: '2026-11-30T12:00:00.000Z', figures: [{ test: 'large', language: 'javascript' as const, referenceMedianMs: 10, runs: 5, limitMs: 60 }] };
  const file: ShippedCalibration = { engine: 'engine A', problems: { 'sum-all': { inputs: `sha256:${'a'.repeat(64)}`, calibration } } };

  it('uses them only for the same inputs on the same engine, and says why not otherwise', () => {
    expect(shippedCalibrationFor(file, 'sum-all', `sha256:${'a'.repeat(64)}`, 'engine A')).toEqual({ calibration });
    expect(shippedCalibrationFor(file, 'sum-all', `sha256:${'b'.repeat(64)}`, 'engine A')).toEqual({ reason: 'inputs-changed' });
    expect(shippedCalibrationFor(file, 'sum-all', `sha256:${'a'.repeat(64)}`, 'engine B')).toEqual({ reason: 'other-engine' });
    expect(shippedCalibrationFor(file, 'two-sum', `sha256:${'a'.repeat(64)}`, 'engine A')).toEqual({ reason: 'not-shipped' });
    expect(shippedCalibrationFor(null, 'sum-all', `sha256:${'a'.repeat(64)}`, 'engine A')).toEqual({ reason: 'not-shipped' });
  });

  it('rewrites the file with what was measured, keeping the other entries of the same engine still in the bank', () => {
    const measured = new Map([['two-sum', { inputs: `sha256:${'c'.repeat(64)}`, calibration: { ...calibration, measuredAt: '2026-11-30T13:00:00.000Z' } }]]);
    const both = shippedCalibrationFile(measured, { ...file, problems: { ...file.problems, gone: file.problems['sum-all'] } }, new Set(['sum-all', 'two-sum']), 'engine A');
    expect(Object.keys(both.problems)).toEqual(['sum-all', 'two-sum']);
    expect(both.engine).toBe('engine A');
    // Entries of another engine are not mixed into the file.
    expect(Object.keys(shippedCalibrationFile(measured, file, new Set(['sum-all', 'two-sum']), 'engine B').problems)).toEqual(['two-sum']);
  });
});
