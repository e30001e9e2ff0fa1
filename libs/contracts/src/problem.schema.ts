import { z } from 'zod';

/**
 * The bank's own fields of a problem (beside its judge document, whose schema is the sandbox's
 * `loadProblem`): what the API's ProblemInput accepts and the web's problem editor checks
 * before sending.
 */
export const PROBLEM_LIMITS = {
  difficulty: 50,
  tags: 20,
  tag: 40,
  referenceSolutions: 5,
} as const;

/** Reference solutions in these languages are validated (judged): every language the judge runs. */
export const REFERENCE_LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const;
export type ReferenceLanguageName = (typeof REFERENCE_LANGUAGES)[number];

export const referenceSolutionSchema = z.object({
  language: z.enum(REFERENCE_LANGUAGES, { error: () => `must be one of ${REFERENCE_LANGUAGES.join(', ')}` }),
  source: z.string().refine((s) => s.trim().length > 0, 'is empty'),
});

export const problemMetaSchema = z.object({
  difficulty: z.string().trim().max(PROBLEM_LIMITS.difficulty).optional(),
  tags: z.array(z.string().trim().min(1, 'must not be empty').max(PROBLEM_LIMITS.tag)).max(PROBLEM_LIMITS.tags).optional(),
  referenceSolutions: z
    .array(referenceSolutionSchema)
    .min(1, 'must hold at least one reference solution')
    .max(PROBLEM_LIMITS.referenceSolutions),
});

const reportTest = z.object({ name: z.string(), status: z.string() });

/**
 * The validation report stored with a problem (`Problem.validationReport`): per reference
 * solution, its verdict, its failing tests and (since reports carry them) every test's status.
 * Written by the judging lib when the last reference is judged, read by the web app.
 */
export const validationReportSchema = z.object({
  version: z.number().int(),
  requestedAt: z.string().optional(),
  validatedAt: z.string().optional(),
  solutions: z.array(
    z.object({
      submissionId: z.string(),
      language: z.string(),
      verdict: z.string().nullable(),
      score: z.number().nullable(),
      passed: z.number().nullable(),
      total: z.number().nullable(),
      compileError: z.object({ message: z.string(), line: z.number().nullable(), column: z.number().nullable() }).nullable(),
      failing: z.array(reportTest.extend({ message: z.string().nullable() })),
      /** Every test in the order run; reports written before it was added lack it. */
      tests: z.array(reportTest).optional(),
    }),
  ),
});
export type ValidationReport = z.output<typeof validationReportSchema>;
