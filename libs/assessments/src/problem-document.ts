import { AppError, FieldProblem } from '@app/common';
import type { ReferenceSolution } from '@app/domain';
import { loadProblem, Problem, ProblemValidationError } from '@app/sandbox';

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
    if (s.language !== 'javascript' && s.language !== 'typescript') {
      problems.push({ field: `referenceSolutions[${i}].language`, message: 'must be javascript or typescript' });
    }
    if (!s.source?.trim()) problems.push({ field: `referenceSolutions[${i}].source`, message: 'is empty' });
  });
  if (problems.length || !problem) throw AppError.badInput(problems);
  return problem;
}
