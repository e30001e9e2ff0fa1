import { AppError, FieldProblem } from '@app/common';
import type { ReferenceLanguage, ReferenceSolution } from '@app/domain';
import { loadProblem, Problem, ProblemValidationError } from '@app/sandbox';

/**
 * Reference solutions in these languages can be validated (judged) today. Python and SQL join
 * when submissions in them are judged (issue 12); until then the bank seeder leaves their
 * reference solutions out, and a problem with no other one.
 */
export const REFERENCE_LANGUAGES: readonly ReferenceLanguage[] = ['javascript', 'typescript'];

/**
 * Validates a problem document with the judge's own schema (so the bank never stores what the
 * judge would refuse) and its reference solutions. BAD_USER_INPUT names each bad field.
 */
export function checkProblemDocument(definition: unknown, solutions: ReferenceSolution[]): Problem {
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
    if (!REFERENCE_LANGUAGES.includes(s.language)) {
      problems.push({ field: `referenceSolutions[${i}].language`, message: `must be ${REFERENCE_LANGUAGES.join(' or ')}` });
    }
    if (!s.source?.trim()) problems.push({ field: `referenceSolutions[${i}].source`, message: 'is empty' });
  });
  if (problems.length || !problem) throw AppError.badInput(problems);
  return problem;
}
