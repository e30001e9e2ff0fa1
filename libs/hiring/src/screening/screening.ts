import { AnswerType, AnswerValue, ScreeningOutcome, ScreeningQuestion, ScreeningQuestionKind, ScreeningResult, StoredAnswer } from '@app/domain';

type KnockoutVerdict = 'pass' | 'fail' | 'review';

function knockout(q: ScreeningQuestion, v: AnswerValue | undefined): KnockoutVerdict {
  if (v === undefined) return 'review';
  const r = q.rule;
  switch (q.answerType) {
    case AnswerType.BOOLEAN:
      return v === r.requiredAnswer ? 'pass' : 'fail';
    case AnswerType.NUMBER:
      return typeof v === 'number' && r.passAt !== null && v >= r.passAt ? 'pass' : 'fail';
    case AnswerType.CHOICE:
      if (r.acceptedValues.includes(String(v))) return 'pass';
      return r.reviewValues.includes(String(v)) ? 'review' : 'fail';
    case AnswerType.TEXT:
      // The schema refuses TEXT knock-outs; should one reach here, a person decides.
      return 'review';
  }
}

/** The share (0-1) of a scored question's weight an answer earns; an unanswered question earns 0. */
export function credit(q: ScreeningQuestion, v: AnswerValue | undefined): number {
  if (v === undefined) return 0;
  const r = q.rule;
  switch (q.answerType) {
    case AnswerType.BOOLEAN:
      return v === (r.requiredAnswer ?? true) ? 1 : 0;
    case AnswerType.CHOICE:
      return r.acceptedValues.includes(String(v)) ? 1 : 0;
    case AnswerType.NUMBER: {
      // Linear from min (nothing) to passAt, or max when there is no passAt (everything).
      const lo = q.min ?? 0;
      const hi = r.passAt ?? q.max ?? lo + 1;
      if (typeof v !== 'number' || hi <= lo) return 0;
      return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
    }
    case AnswerType.TEXT:
      // Free text is read by a person, never scored by its length (the schema refuses scored TEXT).
      return 0;
  }
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const show = (v: AnswerValue): string => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * The automatic screening decision. REJECTED when any knock-out fails (one reason per failed
 * question); otherwise REVIEW when a knock-out answer is ambiguous or unanswered, or the scored
 * answers fall below the job's threshold; otherwise PASSED. Pure: same answers, same result.
 */
export function screen(questions: readonly ScreeningQuestion[], threshold: number, answers: readonly StoredAnswer[]): ScreeningResult {
  const given = new Map(answers.map((a) => [a.questionKey, a.value]));
  const failed: string[] = [];
  const review: string[] = [];
  let earned = 0;
  let possible = 0;
  for (const q of questions) {
    const v = given.get(q.key);
    if (q.kind === ScreeningQuestionKind.KNOCKOUT) {
      const verdict = knockout(q, v);
      if (verdict === 'fail') failed.push(`Knock-out: ${q.rule.rejectionReason ?? q.prompt}`);
      if (verdict === 'review') {
        review.push(v === undefined ? `Review: knock-out question "${q.key}" is not answered` : `Review: knock-out question "${q.key}" answered ${show(v)}, which needs a person to judge`);
      }
    } else if (q.kind === ScreeningQuestionKind.SCORED && q.answerType !== AnswerType.TEXT) {
      possible += q.rule.weight;
      earned += q.rule.weight * credit(q, v);
    }
  }
  const score = possible > 0 ? round(earned / possible) : null;
  if (failed.length) return { outcome: ScreeningOutcome.REJECTED, reasons: failed, score };
  if (score !== null && score < threshold) {
    review.push(`Review: screening score ${score.toFixed(2)} is below the threshold ${threshold.toFixed(2)}`);
  }
  if (review.length) return { outcome: ScreeningOutcome.REVIEW, reasons: review, score };
  const scored = score === null ? 'no scored questions' : `screening score ${score.toFixed(2)} meets the threshold ${threshold.toFixed(2)}`;
  return { outcome: ScreeningOutcome.PASSED, reasons: [`All knock-out questions passed; ${scored}`], score };
}
