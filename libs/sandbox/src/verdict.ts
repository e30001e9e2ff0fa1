import type { TestResult, Verdict } from './judge.types';

export interface Summary {
  verdict: Verdict;
  score: number;
  correctness: number;
  performance: number | null;
  explanation: string;
  passed: number;
  total: number;
}

export function roundScore(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function share(tests: readonly ExplainedTest[]): number | null {
  let all = 0;
  let accepted = 0;
  for (const t of tests) {
    const w = t.weight ?? 1;
    all += w;
    if (t.status === 'ACCEPTED') accepted += w;
  }
  return all > 0 ? roundScore(accepted / all) : null;
}

export type ExplainedTest = Pick<TestResult, 'status' | 'kind' | 'size' | 'category'> & { weight?: number };

/** Correctness and performance apart: the share of each kind's weight passed (performance null without performance tests). */
export function splitScores(tests: readonly ExplainedTest[]): { correctness: number; performance: number | null } {
  const perf = tests.filter((t) => t.kind === 'performance');
  return { correctness: share(tests.filter((t) => t.kind !== 'performance')) ?? 1, performance: share(perf) };
}

/**
 * One sentence a recruiter reads beside the score, e.g. "correct on all cases; too slow on large
 * inputs (n = 100000): a higher time complexity than intended suspected". "Suspected" only when
 * every correctness case passed and the performance tests failed on time: then the answers are
 * right and only the time is wrong.
 */
export function explain(tests: readonly ExplainedTest[]): string {
  const correctness = tests.filter((t) => t.kind !== 'performance');
  const perf = tests.filter((t) => t.kind === 'performance');
  const wrong = correctness.filter((t) => t.status !== 'ACCEPTED');
  const parts: string[] = [];
  if (!correctness.length) parts.push('no correctness cases');
  else if (!wrong.length) parts.push('correct on all cases');
  else {
    const cats = [...new Set(wrong.map((t) => t.category).filter((c): c is string => !!c))];
    parts.push(`failed ${wrong.length} of ${correctness.length} cases${cats.length ? ` (${cats.join(', ')})` : ''}`);
  }
  if (perf.length) {
    const sizes = [...new Set(perf.map((t) => t.size).filter((s): s is string => !!s))];
    const where = `large inputs${sizes.length ? ` (${sizes.join('; ')})` : ''}`;
    const failed = perf.filter((t) => t.status !== 'ACCEPTED');
    const slow = failed.filter((t) => t.status === 'TIME_LIMIT_EXCEEDED');
    if (!failed.length) parts.push(`fast enough on ${where}`);
    else if (slow.length === failed.length) {
      // No times here: a hidden test's time is never reported (it would tell its size).
      const slowSizes = [...new Set(slow.map((t) => t.size).filter((s): s is string => !!s))];
      const suspect = !wrong.length ? ': a higher time complexity than intended suspected' : '';
      parts.push(`too slow on large inputs${slowSizes.length ? ` (${slowSizes.join('; ')})` : ''}${suspect}`);
    } else {
      const statuses = [...new Set(failed.map((t) => t.status))].join(', ');
      parts.push(`failed on ${where}: ${statuses}`);
    }
  }
  return parts.join('; ');
}

/**
 * ACCEPTED when every test is; otherwise the status of the first failing test in file order
 * (`tests` must be in file order). Score: accepted weight over total weight, 4 decimals.
 */
export function summarize(tests: readonly TestResult[]): Summary {
  let accepted = 0;
  let all = 0;
  let passed = 0;
  let verdict: Verdict = 'ACCEPTED';
  for (const t of tests) {
    all += t.weight;
    if (t.status === 'ACCEPTED') {
      accepted += t.weight;
      passed++;
    } else if (verdict === 'ACCEPTED') {
      verdict = t.status;
    }
  }
  // No tests at all (a visible-only run of a problem whose tests are all hidden) is vacuously accepted.
  return {
    verdict,
    score: all > 0 ? roundScore(accepted / all) : 1,
    ...splitScores(tests),
    explanation: explain(tests),
    passed,
    total: tests.length,
  };
}
