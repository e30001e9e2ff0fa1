import { progressResults, submissionView } from '@app/assessments';
import { SubmissionEntity, SubmissionState } from '@app/domain';
import type { SubmissionEvent } from '@app/judging';
import { SubmissionModel } from './submission.model';

/** The author's and the hiring managers' view (see @app/assessments' submissionView: no hidden test's time). */
export function toSubmissionModel(s: SubmissionEntity): SubmissionModel {
  return submissionView(s);
}

/**
 * An event applied over the stored submission: what a subscriber sees at that step. Until
 * FINISHED only the results before the first hidden test (see progressResults), so the timing
 * of the events cannot time a hidden test.
 */
export function applyEvent(base: SubmissionEntity, e: SubmissionEvent): SubmissionModel {
  const finished = e.state === SubmissionState.FINISHED;
  return toSubmissionModel({
    ...base,
    state: e.state,
    verdict: e.verdict,
    score: e.score,
    passed: e.passed,
    total: e.total,
    compileError: e.compileError,
    results: finished ? e.results : progressResults(e.results),
    finishedAt: finished ? new Date(e.at) : null,
  } as SubmissionEntity);
}
