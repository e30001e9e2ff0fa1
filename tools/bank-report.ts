/**
 * `npm run bank:report [-- --only slug,slug] [--runs N] [--json]`: validates every shipped bank
 * problem on this machine's judge and prints, per problem and language, the references' median
 * CPU times per performance test, the calibrated limits and their headroom, and each known-wrong
 * solution's verdict, first failing test (category, kind) and score. Exits 1 when a reference
 * fails, a wrong solution passes or fails other than its label says (a `slow` one other than
 * on time), or a headroom is under 3x; 2 on bad usage.
 */
import * as os from 'node:os';
import { formatReport, loadBankForValidation, reportBank } from '@app/assessments';
import { CALIBRATION_RUNS, engineFingerprint, Judge } from '@app/sandbox';

async function main(argv: string[]): Promise<number> {
  let only: Set<string> | undefined;
  let runs = CALIBRATION_RUNS;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--json') json = true;
    else {
      process.stderr.write(`bank:report: unknown argument ${a}; use --only slug,slug --runs N --json\n`);
      return 2;
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('bank:report: --runs needs a positive integer\n');
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
    return reports.some((r) => r.failures.length) ? 1 : 0;
  } finally {
    await judge.close();
  }
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
