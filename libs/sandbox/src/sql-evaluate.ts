import { baseResult, DISPLAY_CAP, overCpuLimit, timedOut, truncate } from './evaluate';
import type { Status, TestResult } from './judge.types';
import type { JsonValue, SqlProblem, SqlTest } from './problem.schema';
import { checkResultSet, type ResultSet } from './sql-checkers';
import type { SqlExecution } from './sql-runner';

/** Turns one SQL test's execution into its result; the comparison happens here, on the host. */
export function evaluateSql(
  problem: SqlProblem,
  test: SqlTest,
  x: SqlExecution & { cpuMs?: number },
  opts: { check?: boolean; full?: boolean } = {},
): TestResult {
  const check = opts.check ?? true;
  const limits = problem.limits;
  const base = baseResult(test, { timeMs: x.timeMs, cpuMs: x.cpuMs, memoryBytes: x.kind === 'rows' ? x.memoryBytes : undefined });
  const fail = (status: Status, message: string): TestResult => ({ ...base, status, message });

  switch (x.kind) {
    case 'timeout': {
      const t = timedOut(problem, test, x);
      return { ...fail('TIME_LIMIT_EXCEEDED', t.message), timeMs: Math.max(base.timeMs, t.timeMs) };
    }
    case 'memory':
      return fail('MEMORY_LIMIT_EXCEEDED', `used more than ${limits.memoryMb} MB`);
    case 'toolarge':
      return fail('OUTPUT_LIMIT_EXCEEDED', `the result set is over ${x.size} characters of JSON, over the ${limits.resultKb} KB limit`);
    case 'compile':
      return fail('COMPILE_ERROR', `${x.message} (line ${x.line})`);
    case 'norows':
      return fail('COMPILE_ERROR', x.message);
    case 'runtime':
      return fail('RUNTIME_ERROR', truncate(`${x.message} (statement at line ${x.line})`, 2000));
    case 'setup':
      return fail('INTERNAL_ERROR', x.message);
    case 'rows':
      break;
  }
  const slow = overCpuLimit(problem, test, x.cpuMs);
  if (slow) return fail('TIME_LIMIT_EXCEEDED', slow);
  const actual = JSON.parse(x.json) as ResultSet;
  const shown: TestResult =
    x.json.length <= DISPLAY_CAP || opts.full
      ? { ...base, actual: actual as unknown as JsonValue }
      : { ...base, actual: truncate(x.json), message: `the result set is ${x.json.length} characters of JSON; showing the start` };
  if (!check) return shown;
  const mismatch = checkResultSet(problem.checker, actual, test.expected, problem.checkColumnNames);
  if (!mismatch) return shown;
  const why =
    mismatch === 'columns'
      ? `returned ${actual.columns.length} column${actual.columns.length === 1 ? '' : 's'}; expected ${test.expected.columns.length}`
      : mismatch === 'column names'
        ? `column names differ: expected ${test.expected.columns.join(', ')}`
        : undefined;
  return why ? { ...shown, status: 'WRONG_ANSWER', message: why } : { ...shown, status: 'WRONG_ANSWER' };
}
