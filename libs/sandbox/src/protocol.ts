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
}

export type ParentMessage = JobMessage | { t: 'exit' };

export type ChildMessage =
  | { t: 'ready'; rss: number }
  | { t: 'compiled'; id: number; error: CompileError | null }
  /** `retire`: the child's isolate would not stop; kill this child, it must not run anything else. */
  | { t: 'test'; id: number; index: number; result: TestResult; retire: boolean }
  | { t: 'done'; id: number; warnings: string[] }
  /** Something went wrong in the child outside the candidate's control. */
  | { t: 'failed'; id: number; message: string };

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
