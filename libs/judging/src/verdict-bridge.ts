import { Verdict } from '@app/domain';
import type { Status } from '@app/sandbox';

/**
 * The one place the judge's statuses (@app/sandbox STATUSES) become the platform's Verdict. The
 * record is total over Status (the compiler refuses a missing one) and verdict-bridge.spec
 * checks that both sides hold the same set, so a status added on one side only fails a test
 * instead of passing through a cast.
 */
const FROM_SANDBOX: Readonly<Record<Status, Verdict>> = {
  ACCEPTED: Verdict.ACCEPTED,
  WRONG_ANSWER: Verdict.WRONG_ANSWER,
  TIME_LIMIT_EXCEEDED: Verdict.TIME_LIMIT_EXCEEDED,
  MEMORY_LIMIT_EXCEEDED: Verdict.MEMORY_LIMIT_EXCEEDED,
  OUTPUT_LIMIT_EXCEEDED: Verdict.OUTPUT_LIMIT_EXCEEDED,
  RUNTIME_ERROR: Verdict.RUNTIME_ERROR,
  COMPILE_ERROR: Verdict.COMPILE_ERROR,
  INTERNAL_ERROR: Verdict.INTERNAL_ERROR,
};

/** The platform verdict for a judge status (of one test, or of a whole submission). */
export function toVerdict(status: Status): Verdict {
  const verdict = FROM_SANDBOX[status];
  // Statuses cross a process boundary (the sandbox child): an unknown one is a programming error.
  if (!verdict) throw new Error(`Unknown judge status ${String(status)}`);
  return verdict;
}
