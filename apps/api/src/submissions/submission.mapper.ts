import { StoredTestResult, SubmissionEntity, SubmissionState } from '@app/domain';
import type { SubmissionEvent } from '@app/judging';
import { SubmissionModel, TestResultModel } from './submission.model';

const MAX_ACTUAL = 2000;

/** Hidden tests lose everything but name, category, status and time, whatever the store held. */
export function toTestResult(t: StoredTestResult): TestResultModel {
  if (t.hidden) return { name: t.name, category: t.category ?? null, status: t.status, timeMs: Math.round(t.timeMs), hidden: true };
  const actual = t.actual === undefined ? null : JSON.stringify(t.actual);
  return {
    name: t.name,
    category: t.category ?? null,
    status: t.status,
    timeMs: Math.round(t.timeMs),
    memoryBytes: t.memoryBytes ?? null,
    hidden: false,
    actual: actual && actual.length > MAX_ACTUAL ? `${actual.slice(0, MAX_ACTUAL)}…` : actual,
    output: t.output ?? null,
    message: t.message ?? null,
  };
}

export function toSubmissionModel(s: SubmissionEntity): SubmissionModel {
  return {
    id: s.id,
    kind: s.kind,
    problemId: s.problemId,
    attemptId: s.attemptId,
    language: s.language,
    source: s.source,
    userId: s.userId,
    state: s.state,
    verdict: s.verdict,
    score: s.score,
    passed: s.passed,
    total: s.total,
    compileError: s.compileError,
    warnings: s.warnings ?? [],
    results: (s.results ?? []).map(toTestResult),
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
  };
}

/** An event applied over the stored submission: what a subscriber sees at that step. */
export function applyEvent(base: SubmissionEntity, e: SubmissionEvent): SubmissionModel {
  return toSubmissionModel({
    ...base,
    state: e.state,
    verdict: e.verdict,
    score: e.score,
    passed: e.passed,
    total: e.total,
    compileError: e.compileError,
    results: e.results,
    finishedAt: e.state === SubmissionState.FINISHED ? new Date(e.at) : null,
  } as SubmissionEntity);
}
