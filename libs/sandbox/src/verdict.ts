import type { TestResult, Verdict } from './judge.types';

export interface Summary {
  verdict: Verdict;
  score: number;
  passed: number;
  total: number;
}

export function roundScore(x: number): number {
  return Math.round(x * 10_000) / 10_000;
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
  return { verdict, score: all > 0 ? roundScore(accepted / all) : 1, passed, total: tests.length };
}
