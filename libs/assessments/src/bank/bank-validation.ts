import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSlowLabel } from '@app/contracts';
import {
  Judge,
  loadBankDocument,
  MIN_HEADROOM,
  validateProblemSolutions,
  type BankDocument,
  type Calibration,
  type Language,
  type ProblemValidation,
} from '@app/sandbox';
import { BANK_DIR, wrongSolutionFilesOf } from './bank-files';

/**
 * The whole shipped bank through the judge's validation: references in every language, the
 * known-wrong solutions of libs/assessments/data/problems/wrong/<slug>.<label>.<ext> (and any a
 * file lists in `wrongSolutions`), calibrated CPU limits. Used by `npm run bank:report` and by
 * the spec that keeps the bank honest.
 */

export interface BankProblemFile extends BankDocument {
  file: string;
}

export function loadBankForValidation(dir = BANK_DIR, only?: (slug: string) => boolean): BankProblemFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const doc = loadBankDocument(fs.readFileSync(path.join(dir, f), 'utf8'));
      return { ...doc, file: f, wrongSolutions: [...doc.wrongSolutions, ...wrongSolutionFilesOf(doc.problem.slug, dir)] };
    })
    .filter((d) => !only || only(d.problem.slug));
}

export interface BankProblemReport {
  file: string;
  slug: string;
  validation: ProblemValidation;
  /** Per performance test and reference language: median, limit, headroom (limit over median) and the validation run's CPU time. */
  timings: Array<{ test: string; language: Language; referenceMedianMs: number; limitMs: number; headroom: number; judgedCpuMs: number | null }>;
  /** Why `bank:report` fails on this problem; empty when it passes. */
  failures: string[];
}

export async function reportProblem(judge: Judge, doc: BankProblemFile, opts: { runs?: number; calibration?: Calibration | null } = {}): Promise<BankProblemReport> {
  const validation = await validateProblemSolutions(judge, doc, opts);
  const timings = (validation.calibration?.figures ?? []).map((f) => {
    const judged = validation.references.find((r) => r.language === f.language)?.result.tests.find((t) => t.name === f.test);
    return {
      test: f.test,
      language: f.language,
      referenceMedianMs: f.referenceMedianMs,
      limitMs: f.limitMs,
      headroom: Math.round((f.limitMs / Math.max(f.referenceMedianMs, 0.1)) * 10) / 10,
      judgedCpuMs: judged?.cpuMs ?? null,
    };
  });
  const failures = [...validation.problems];
  for (const t of timings)
    if (t.headroom < MIN_HEADROOM) failures.push(`${t.language} reference on "${t.test}": headroom ${t.headroom}x, under ${MIN_HEADROOM}x`);
  const slow = validation.wrongSolutions.filter((w) => isSlowLabel(w.label));
  if (validation.materialized?.tests.some((t) => t.kind === 'performance') && !slow.length)
    failures.push('performance tests but no "slow" known-wrong solution to prove they bite');
  return { file: doc.file, slug: doc.problem.slug, validation, timings, failures };
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

/** The report as text, one block per problem. */
export function formatReport(reports: readonly BankProblemReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.slug}: ${r.failures.length ? 'FAIL' : 'ok'}`);
    for (const ref of r.validation.references)
      lines.push(`  reference ${ref.language}: ${ref.result.verdict} score ${ref.result.score}`);
    if (!r.timings.length) lines.push('  no performance tests');
    for (const t of r.timings)
      lines.push(
        `  perf "${t.test}" ${t.language}: median ${t.referenceMedianMs} ms CPU, limit ${t.limitMs} ms, headroom ${t.headroom}x${t.judgedCpuMs !== null ? `, judged ${t.judgedCpuMs} ms` : ''}`,
      );
    for (const w of r.validation.wrongSolutions)
      lines.push(
        `  wrong ${w.label} (${w.language}): ${w.verdict} score ${w.score} (correctness ${pct(w.correctness)}, performance ${pct(w.performance)})` +
          `${w.firstFailing ? `, first failing "${w.firstFailing.name}" [${w.firstFailing.kind}${w.firstFailing.category ? `, ${w.firstFailing.category}` : ''}] ${w.firstFailing.status}` : ''}` +
          `${w.ok ? '' : ` -- NOT AS LABELLED: ${w.reason ?? ''}`}${w.discriminationWarning ? ' -- WARNING: scores above 0.7' : ''}`,
      );
    for (const f of r.failures) lines.push(`  FAIL: ${f}`);
  }
  const failed = reports.filter((r) => r.failures.length);
  const wrong = reports.flatMap((r) => r.validation.wrongSolutions);
  lines.push(
    `${reports.length} problems, ${failed.length} failing; ${wrong.length} known-wrong solutions (${wrong.filter((w) => isSlowLabel(w.label)).length} slow), ` +
      `${wrong.filter((w) => !w.ok).length} not as labelled, ${wrong.filter((w) => w.discriminationWarning).length} scoring above 0.7`,
  );
  return `${lines.join('\n')}\n`;
}

/** Validates problems `concurrency` at a time on one judge (as many sandboxes). */
export async function reportBank(
  judge: Judge,
  docs: readonly BankProblemFile[],
  opts: { runs?: number; concurrency?: number; onReport?: (r: BankProblemReport) => void } = {},
): Promise<BankProblemReport[]> {
  const out: BankProblemReport[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < docs.length; i = next++) {
      out[i] = await reportProblem(judge, docs[i], { runs: opts.runs });
      opts.onReport?.(out[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? judge.size) }, worker));
  return out;
}
