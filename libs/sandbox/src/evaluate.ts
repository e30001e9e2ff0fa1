import { checkOutput, checkValue } from './checkers';
import type { Status, TestResult } from './judge.types';
import { describeSize, testCpuLimitMs, testTimeoutMs } from './performance';
import type { JsonValue, Problem, ProblemTest } from './problem.schema';

/** What one run of the candidate's code produced, as the isolate runner saw it. */
export interface Execution {
  kind:
    | 'value' // function mode: returned JSON text in `json`
    | 'nonjson' // function mode: returned something JSON cannot express (`type` says what)
    | 'toolarge' // function mode: the JSON text was `size` characters, over the cap
    | 'noentry' // function mode: no function under the entry point name
    | 'pending' // function mode: the returned promise can never settle
    | 'done' // stdio mode: the program ran to the end
    | 'error' // an exception escaped the candidate's code
    | 'timeout' // the isolate's own timeout stopped it
    | 'memory'; // the isolate went over its memory limit
  json?: string;
  type?: string;
  size?: number;
  error?: { phase: string; name: string; message: string; stack: string };
  output: string;
  overflow: boolean;
  timeMs: number;
  /** CPU time of the isolate during the test (isolated-vm's cpuTime), where known. */
  cpuMs?: number;
  memoryBytes?: number;
}

export const DISPLAY_CAP = 4096;

export function truncate(text: string, cap = DISPLAY_CAP): string {
  return text.length > cap ? `${text.slice(0, cap)}… [truncated, ${text.length} characters]` : text;
}

/** `Name: message (line L, column C)` with the position of the innermost frame in the solution. */
export function describeError(e: NonNullable<Execution['error']>): string {
  const head = e.name && e.message ? `${e.name}: ${e.message}` : e.name || e.message || 'an exception was thrown';
  const at = /solution\.js:(\d+):(\d+)/.exec(e.stack);
  return at ? `${head} (line ${at[1]}, column ${at[2]})` : head;
}

// Errors V8 raises when an allocation fails or a value outgrows what the engine can hold.
const MEMORY_ERRORS =
  /^(?:Array buffer allocation failed|Invalid string length|Invalid typed array length: \d{9,}|Invalid array buffer length|WebAssembly\.Memory\(\): could not allocate memory|Out of memory)/i;

export function isMemoryError(e: NonNullable<Execution['error']>): boolean {
  return e.name === 'RangeError' && MEMORY_ERRORS.test(e.message);
}

export interface EvaluateOptions {
  /** false for custom input without an expected value: ACCEPTED then means "ran cleanly". */
  check?: boolean;
  /** Keep the whole returned value / output (generators, references at materialization): never truncated. */
  full?: boolean;
}

/** What every result of `test` starts with: identity, kind, size and the times. */
export function baseResult(test: ProblemTest, x: { timeMs: number; cpuMs?: number; memoryBytes?: number }): TestResult {
  const base: TestResult = { name: test.name, status: 'ACCEPTED', timeMs: Math.round(x.timeMs), hidden: test.hidden, weight: test.weight };
  if (test.category !== undefined) base.category = test.category;
  if (test.kind === 'performance') {
    base.kind = 'performance';
    const size = describeSize(test.generate);
    if (size) base.size = size;
    if (test.cpuLimitMs !== undefined) base.cpuLimitMs = test.cpuLimitMs;
  }
  if (x.cpuMs !== undefined) base.cpuMs = Math.round(x.cpuMs * 10) / 10;
  if (x.memoryBytes !== undefined) base.memoryBytes = x.memoryBytes;
  return base;
}

/** A test that finished over its CPU limit (see performance.ts): the time, not the answer, decides it. */
export function overCpuLimit(problem: Pick<Problem, 'limits'>, test: ProblemTest, cpuMs: number | undefined): string | null {
  const limit = testCpuLimitMs(problem, test);
  if (cpuMs === undefined || cpuMs <= limit) return null;
  return `used ${Math.round(cpuMs)} ms of CPU; the limit is ${limit} ms`;
}

/** A test stopped by the clock: its message and the time it reports. */
export function timedOut(problem: Pick<Problem, 'limits'>, test: ProblemTest, x: { timeMs: number; cpuMs?: number }): { message: string; timeMs: number } {
  const backstop = testTimeoutMs(problem, test);
  const limit = testCpuLimitMs(problem, test);
  // A calibrated performance test has one attempt, its backstop (see performance.ts).
  if (test.cpuLimitMs !== undefined) return { message: `ran longer than ${backstop} ms`, timeMs: Math.max(x.timeMs, backstop) };
  if (x.cpuMs === undefined || x.cpuMs >= limit) return { message: `ran longer than ${limit} ms`, timeMs: Math.max(x.timeMs, limit) };
  return {
    message: `ran longer than ${backstop} ms of wall time, the backstop for code that waits (${Math.round(x.cpuMs)} ms of CPU)`,
    timeMs: Math.max(x.timeMs, backstop),
  };
}

/**
 * Turns an execution into a test result: status first, then the visible details. The limits
 * take precedence over what the code produced (output cap, then memory), because a test that
 * broke a limit has no trustworthy answer.
 */
export function evaluate(problem: Problem, test: ProblemTest, x: Execution, opts: EvaluateOptions = {}): TestResult {
  const check = opts.check ?? true;
  const limits = problem.limits;
  const memoryLimit = limits.memoryMb * 1024 * 1024;
  const base = baseResult(test, x);
  if (x.output) base.output = opts.full ? x.output : truncate(x.output);
  const fail = (status: Status, message?: string): TestResult =>
    message === undefined ? { ...base, status } : { ...base, status, message };

  if (x.overflow) return fail('OUTPUT_LIMIT_EXCEEDED', `printed more than ${limits.outputKb} KB`);
  if (x.kind === 'memory') return fail('MEMORY_LIMIT_EXCEEDED', `used more than ${limits.memoryMb} MB`);
  if (x.kind === 'timeout') {
    const t = timedOut(problem, test, x);
    return { ...fail('TIME_LIMIT_EXCEEDED', t.message), timeMs: Math.max(base.timeMs, t.timeMs) };
  }
  if (x.kind === 'pending')
    return { ...fail('TIME_LIMIT_EXCEEDED', 'the returned promise never settles'), timeMs: Math.max(base.timeMs, timedOut(problem, test, { timeMs: x.timeMs }).timeMs) };
  if (x.memoryBytes !== undefined && x.memoryBytes > memoryLimit)
    return fail('MEMORY_LIMIT_EXCEEDED', `used more than ${limits.memoryMb} MB`);
  const slow = overCpuLimit(problem, test, x.cpuMs);
  if (slow) return fail('TIME_LIMIT_EXCEEDED', slow);
  if (x.kind === 'error') {
    const e = x.error ?? { phase: 'call', name: '', message: '', stack: '' };
    if (isMemoryError(e)) return fail('MEMORY_LIMIT_EXCEEDED', `used more than ${limits.memoryMb} MB (${e.message})`);
    const prefix = e.phase === 'serialize' ? 'the returned value cannot be converted to JSON: ' : '';
    return fail('RUNTIME_ERROR', truncate(prefix + describeError(e), 2000));
  }
  if (x.kind === 'noentry') {
    const entry = problem.mode === 'function' ? problem.entryPoint : 'entry point';
    return fail('RUNTIME_ERROR', `${entry} is not defined as a function (declare it, bind it with const/let, or export it)`);
  }
  if (x.kind === 'toolarge')
    return fail('OUTPUT_LIMIT_EXCEEDED', `the returned value is ${x.size} characters of JSON, over the ${limits.resultKb} KB limit`);

  if (problem.mode === 'stdio') {
    if (!check) return base;
    return checkOutput(problem.checker, x.output, (test as { expected: string }).expected) ? base : fail('WRONG_ANSWER');
  }

  if (x.kind === 'nonjson') {
    return fail(
      check ? 'WRONG_ANSWER' : 'ACCEPTED',
      `returned ${x.type === 'undefined' ? 'undefined' : `a ${x.type}`}, which is not a JSON value`,
    );
  }
  const json = x.json ?? 'null';
  let actual: JsonValue;
  try {
    actual = JSON.parse(json) as JsonValue;
  } catch {
    return fail(check ? 'WRONG_ANSWER' : 'RUNTIME_ERROR', 'the returned value is nested too deeply to compare');
  }
  const shown: TestResult =
    json.length <= DISPLAY_CAP || opts.full
      ? { ...base, actual }
      : { ...base, actual: truncate(json), message: `the returned value is ${json.length} characters of JSON; showing the start` };
  if (!check) return shown;
  return checkValue(problem.checker, actual, (test as { expected: JsonValue }).expected) ? shown : { ...shown, status: 'WRONG_ANSWER' };
}

/** Hidden tests keep name, category, kind, size, weight, status, times and memory: never data. */
export function redact(r: TestResult): TestResult {
  if (!r.hidden) return r;
  const out: TestResult = { name: r.name, status: r.status, timeMs: r.timeMs, hidden: true, weight: r.weight };
  if (r.category !== undefined) out.category = r.category;
  if (r.kind !== undefined) out.kind = r.kind;
  if (r.size !== undefined) out.size = r.size;
  if (r.cpuMs !== undefined) out.cpuMs = r.cpuMs;
  if (r.cpuLimitMs !== undefined) out.cpuLimitMs = r.cpuLimitMs;
  if (r.memoryBytes !== undefined) out.memoryBytes = r.memoryBytes;
  return out;
}
