import type { FieldProblem } from '@app/common';
import { AnswerType, AnswerValue, ScreeningQuestion, StoredAnswer } from '@app/domain';

/** An answer as a client sends it: every type travels as a string and is parsed by the question's type. */
export interface RawAnswer {
  questionKey: string;
  value: string;
}

export const MAX_TEXT_ANSWER = 2000;

const TRUE = new Set(['true', 'yes']);
const FALSE = new Set(['false', 'no']);

function parseValue(q: ScreeningQuestion, raw: string): { value: AnswerValue } | { error: string } {
  const v = raw.trim();
  switch (q.answerType) {
    case AnswerType.BOOLEAN: {
      const lower = v.toLowerCase();
      if (TRUE.has(lower)) return { value: true };
      if (FALSE.has(lower)) return { value: false };
      return { error: 'must be true or false' };
    }
    case AnswerType.NUMBER: {
      if (!/^-?\d+(\.\d+)?$/.test(v)) return { error: 'must be a number' };
      const n = Number(v);
      if ((q.min !== null && n < q.min) || (q.max !== null && n > q.max)) {
        return { error: `must be between ${q.min ?? '-∞'} and ${q.max ?? '∞'}` };
      }
      return { value: n };
    }
    case AnswerType.CHOICE: {
      const option = q.options.find((o) => o.toLowerCase() === v.toLowerCase());
      return option === undefined ? { error: `must be one of: ${q.options.map((o) => `"${o}"`).join(', ')}` } : { value: option };
    }
    case AnswerType.TEXT:
      if (v.length > MAX_TEXT_ANSWER) return { error: `must be at most ${MAX_TEXT_ANSWER} characters` };
      return { value: v };
  }
}

/**
 * Checks a candidate's answers against a job's questions and types them. Every problem names
 * its field (answers.<index>.questionKey / .value, or answers for a missing required answer).
 * Answers come back in the questions' order.
 */
export function parseAnswers(questions: readonly ScreeningQuestion[], raw: readonly RawAnswer[]): { ok: true; answers: StoredAnswer[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const seen = new Set<string>();
  const badlyTyped = new Set<string>();
  const given = new Map<string, AnswerValue>();
  raw.forEach((a, i) => {
    const q = byKey.get(a.questionKey);
    if (!q) {
      problems.push({ field: `answers.${i}.questionKey`, message: `"${a.questionKey}" is not a screening question of this job` });
      return;
    }
    if (seen.has(q.key)) {
      problems.push({ field: `answers.${i}.questionKey`, message: `"${q.key}" is answered more than once` });
      return;
    }
    seen.add(q.key);
    const parsed = parseValue(q, a.value);
    if ('error' in parsed) {
      problems.push({ field: `answers.${i}.value`, message: `answer to "${q.key}" ${parsed.error}` });
      badlyTyped.add(q.key);
    } else if (parsed.value !== '') {
      // An empty text is no answer at all.
      given.set(q.key, parsed.value);
    }
  });
  for (const q of questions) {
    // A badly typed answer is already reported on its own field.
    if (q.required && !given.has(q.key) && !badlyTyped.has(q.key)) {
      problems.push({ field: 'answers', message: `the required question "${q.key}" is not answered` });
    }
  }
  if (problems.length) return { ok: false, problems };
  const answers: StoredAnswer[] = [];
  for (const q of questions) {
    const value = given.get(q.key);
    if (value !== undefined) answers.push({ questionKey: q.key, value });
  }
  return { ok: true, answers };
}
