import { AppError, FieldProblem } from '@app/common';
import { REFERENCE_LANGUAGES as LANGUAGE_NAMES, referenceSolutionSchema, wrongSolutionSchema } from '@app/contracts';
import type { ReferenceLanguage, ReferenceSolution, WrongSolutionRecord } from '@app/domain';
import { acceptsLanguage, loadProblem, Problem, ProblemValidationError } from '@app/sandbox';

/** Reference solutions in these languages are validated (judged): every language the judge runs (one list, @app/contracts). */
export const REFERENCE_LANGUAGES: readonly ReferenceLanguage[] = LANGUAGE_NAMES;

/**
 * Validates a problem document with the judge's own schema (so the bank never stores what the
 * judge would refuse) and its reference solutions. BAD_USER_INPUT names each bad field.
 */
export function checkProblemDocument(definition: unknown, solutions: ReferenceSolution[], wrong: WrongSolutionRecord[] = []): Problem {
  const problems: FieldProblem[] = [];
  let problem: Problem | undefined;
  try {
    problem = loadProblem(definition);
  } catch (e) {
    if (!(e instanceof ProblemValidationError)) throw e;
    problems.push(...e.issues.map((i) => ({ field: i.path === '(root)' ? 'definition' : `definition.${i.path}`, message: i.message })));
  }
  if (!solutions.length) problems.push({ field: 'referenceSolutions', message: 'must hold at least one reference solution' });
  solutions.forEach((s, i) => {
    // The same schema as the web's problem editor (@app/contracts): language and a non-empty source.
    const own = referenceSolutionSchema.safeParse({ language: s.language, source: s.source ?? '' });
    if (!own.success) {
      problems.push(...own.error.issues.map((x) => ({ field: `referenceSolutions[${i}].${x.path.join('.')}`, message: x.message })));
    } else if (problem && !acceptsLanguage(problem, s.language)) {
      // The judge would refuse it as a COMPILE_ERROR and the problem could never become VALID.
      problems.push({ field: `referenceSolutions[${i}].language`, message: `the problem offers ${problem.languages.join(', ')}` });
    }
  });
  wrong.forEach((s, i) => {
    const own = wrongSolutionSchema.safeParse(s);
    if (!own.success) {
      problems.push(...own.error.issues.map((x) => ({ field: `wrongSolutions[${i}].${x.path.join('.')}`, message: x.message })));
    } else if (problem && !acceptsLanguage(problem, s.language)) {
      problems.push({ field: `wrongSolutions[${i}].language`, message: `the problem offers ${problem.languages.join(', ')}` });
    }
  });
  if (problems.length || !problem) throw AppError.badInput(problems);
  return problem;
}
