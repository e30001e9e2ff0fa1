/**
 * `npm run bank:report [-- --only slug,slug] [--runs N] [--json] [--write-calibration]`: validates every shipped bank
 * problem on this machine's judge and prints, per problem and language, the references' median
 * CPU times per performance test, the calibrated limits and their headroom, and each known-wrong
 * solution's verdict, first failing test (category, kind) and score. Exits 1 when a reference
 * fails, a wrong solution passes or fails other than its label says (a `slow` one other than
 * on time), or a headroom is under 3x; 2 on bad usage.
 *
 * `--write-calibration` also rewrites libs/assessments/data/calibration.json, the calibration
 * shipped with the bank (bank-calibration.ts), with the figures just measured (CALIBRATION_RUNS
 * runs, so not with --runs), for every problem with performance tests that passed; a failing
 * problem keeps no entry (the seed step calibrates it anew) and the command exits 1.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CALIBRATION_FILE,
  formatReport,
  inputsHashOf,
  loadBankForValidation,
  loadShippedCalibration,
  reportBank,
  shippedCalibrationFile,
  writeShippedCalibration,
  type BankProblemReport,
} from '@app/assessments';
import { CALIBRATION_RUNS, engineFingerprint, Judge, type Calibration } from '@app/sandbox';

async function main(argv: string[]): Promise<number> {
  let only: Set<string> | undefined;
  let runs = CALIBRATION_RUNS;
  let json = false;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--json') json = true;
    else if (a === '--write-calibration') write = true;
    else {
      process.stderr.write(`bank:report: unknown argument ${a}; use --only slug,slug --runs N --json --write-calibration\n`);
      return 2;
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('bank:report: --runs needs a positive integer\n');
    return 2;
  }
  if (write && runs !== CALIBRATION_RUNS) {
    process.stderr.write(`bank:report: --write-calibration measures with ${CALIBRATION_RUNS} runs, as validation does; leave out --runs\n`);
    return 2;
  }
  const docs = loadBankForValidation(undefined, only ? (s) => only.has(s) : undefined);
  const size = Math.max(1, Math.min(2, os.availableParallelism()));
  const judge = new Judge({ size });
  const started = Date.now();
  try {
    if (!json) process.stdout.write(`engine: ${engineFingerprint()}; ${runs} calibration runs\n`);
    const reports = await reportBank(judge, docs, { runs, concurrency: size });
    if (json) process.stdout.write(`${JSON.stringify(reports, (k, v: unknown) => (k === 'materialized' ? undefined : v), 2)}\n`);
    else process.stdout.write(`${formatReport(reports)}took ${Math.round((Date.now() - started) / 1000)} s\n`);
    if (write) writeCalibration(docs, reports);
    return reports.some((r) => r.failures.length) ? 1 : 0;
  } finally {
    await judge.close();
  }
}

/** Rewrites the shipped calibration with the problems just measured that passed; the others' entries go. */
function writeCalibration(docs: ReturnType<typeof loadBankForValidation>, reports: readonly BankProblemReport[]): void {
  const measured = new Map<string, { inputs: string; calibration: Calibration }>();
  const dropped: string[] = [];
  for (const [i, r] of reports.entries()) {
    if (!r.validation.materialized?.tests.some((t) => t.kind === 'performance')) continue;
    if (r.failures.length || !r.validation.calibration) dropped.push(r.slug);
    else measured.set(r.slug, { inputs: inputsHashOf(docs[i]), calibration: r.validation.calibration });
  }
  const keep = new Set(loadBankForValidation().map((d) => d.problem.slug));
  for (const slug of dropped) keep.delete(slug);
  let previous = null;
  try {
    previous = loadShippedCalibration();
  } catch (e) {
    process.stderr.write(`bank:report: the previous file is unreadable, replaced: ${(e as Error).message}\n`);
  }
  const content = shippedCalibrationFile(measured, previous, keep);
  writeShippedCalibration(content);
  process.stderr.write(
    `bank:report: wrote ${path.relative(process.cwd(), CALIBRATION_FILE)}: ${Object.keys(content.problems).length} problems (${measured.size} measured now)` +
      `${dropped.length ? `; left out, failing: ${dropped.join(', ')}` : ''}\n`,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bank:report: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
