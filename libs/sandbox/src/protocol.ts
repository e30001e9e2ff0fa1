import type { CompileError, Language, TestResult } from './judge.types';
import type { Problem } from './problem.schema';

/** Messages between the pool (parent) and a sandbox child, over the fork IPC channel. */

export interface JobMessage {
  t: 'job';
  id: number;
  /** The child keeps recent problems by key, so a problem crosses the channel once per child. */
  problemKey: string;
  /** Present when the parent does not know the child to hold `problemKey`. */
  problem?: Problem;
  language: Language;
  source: string;
  /** Which tests to run, in this order (a resumed job skips those already judged). */
  indices: number[];
  typeCheck: boolean;
  /** false: custom input without an expected value, nothing to compare. */
  check: boolean;
  /** Keep whole values and outputs (materializing generated tests); only for visible tests. */
  full?: boolean;
  /** A performance test a little over its limit runs again, judged on its least CPU (performance.ts, REMEASURE_FACTOR). */
  remeasure?: true;
  /**
   * TypeScript whose syntax the judge's type-check thread has checked (compile.ts,
   * parseTypeScript): the child only transpiles, as a module or not, and never loads the
   * compiler. Absent, the child checks the syntax itself.
   */
  syntaxChecked?: { module: boolean };
}

export type ParentMessage = JobMessage | { t: 'exit' };

/**
 * Progress of a job, in order: compiled (once), then test results, then done. The child sends
 * `compiled` at once, then coalesces results that come within FLUSH_MS of the last message, so
 * a fast submission costs two messages instead of one per test. Which test is running is not
 * left to these messages: before each test the child writes (job id, test index) into its
 * progress file, which the parent reads when it has to kill the child or sees it die.
 */
export interface ProgressMessage {
  t: 'progress';
  id: number;
  compiled?: { error: CompileError | null };
  tests: Array<{ index: number; result: TestResult }>;
  /**
   * `preparing`: the child now prepares a warm interpreter for the next submission (see
   * python-runner.ts) and is not free until it sends `ready` again.
   */
  done?: { warnings: string[]; preparing?: true };
  /** The child reloads a WebAssembly engine before the next test: not that test's time. */
  setup?: true;
  /** The running test starts again with this wall clock (performance.ts, runAttempts): the watchdog follows. */
  retry?: { wallMs: number };
}

export type ChildMessage =
  /** Free for a job: after starting, and after preparing a warm interpreter. */
  | { t: 'ready'; rss: number }
  | ProgressMessage
  /** Something went wrong in the child outside the candidate's control. */
  | { t: 'failed'; id: number; message: string };

/**
 * Problems a child keeps, most recently used first. The parent mirrors the same LRU per child,
 * so it always knows whether a problem must cross the channel again.
 */
export const MAX_CACHED_PROBLEMS = 32;

/** How long the child may hold results before sending them. */
export const FLUSH_MS = 15;

/** Progress file layout: job id then 1 + index of the test started last, little-endian u32s. */
export const PROGRESS_BYTES = 8;

export function encodeProgress(buf: Buffer, jobId: number, index: number): Buffer {
  buf.writeUInt32LE(jobId >>> 0, 0);
  buf.writeUInt32LE((index + 1) >>> 0, 4);
  return buf;
}

/** The index of the test job `jobId` started last, or null. */
export function decodeProgress(buf: Buffer, jobId: number): number | null {
  if (buf.length < PROGRESS_BYTES || buf.readUInt32LE(0) !== jobId >>> 0) return null;
  const v = buf.readUInt32LE(4);
  return v === 0 ? null : v - 1;
}

/** Deterministic per test: the same test always sees the same Math.random sequence. */
export function seedFor(slug: string, testName: string): number {
  let h = 0x811c9dc5;
  const s = `${slug}\u0000${testName}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
