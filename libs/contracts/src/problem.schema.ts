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
  wrongSolutions: 30,
  wrongLabel: 80,
} as const;

/** A known-wrong solution scoring above this share of the weight makes the validation warn: the tests barely tell it apart. */
export const DISCRIMINATION_THRESHOLD = 0.7;

/** `slow` or `slow-<anything>`: correct but too slow; it must fail on time on a performance test and pass every correctness test. */
export function isSlowLabel(label: string): boolean {
  return label === 'slow' || label.startsWith('slow-');
}

/** Reference solutions in these languages are validated (judged): every language the judge runs. */
export const REFERENCE_LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const;
export type ReferenceLanguageName = (typeof REFERENCE_LANGUAGES)[number];

export const referenceSolutionSchema = z.object({
  language: z.enum(REFERENCE_LANGUAGES, { error: () => `must be one of ${REFERENCE_LANGUAGES.join(', ')}` }),
  source: z.string().refine((s) => s.trim().length > 0, 'is empty'),
});

/** A known-wrong solution: it must not be ACCEPTED, and must fail in the category its label names (see isSlowLabel). */
export const wrongSolutionSchema = z.object({
  label: z
    .string()
    .max(PROBLEM_LIMITS.wrongLabel)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
  language: referenceSolutionSchema.shape.language,
  source: referenceSolutionSchema.shape.source,
});
export type WrongSolutionInput = z.output<typeof wrongSolutionSchema>;

export const problemMetaSchema = z.object({
  difficulty: z.string().trim().max(PROBLEM_LIMITS.difficulty).optional(),
  tags: z.array(z.string().trim().min(1, 'must not be empty').max(PROBLEM_LIMITS.tag)).max(PROBLEM_LIMITS.tags).optional(),
  referenceSolutions: z
    .array(referenceSolutionSchema)
    .min(1, 'must hold at least one reference solution')
    .max(PROBLEM_LIMITS.referenceSolutions),
  wrongSolutions: z.array(wrongSolutionSchema).max(PROBLEM_LIMITS.wrongSolutions).optional(),
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
      /** Shares of the correctness / performance tests' weight (reports before issue 13 lack them). */
      correctness: z.number().nullable().optional(),
      performance: z.number().nullable().optional(),
    }),
  ),
  /** Per known-wrong solution: how it failed, and whether that is how its label says it must. */
  wrongSolutions: z
    .array(
      z.object({
        label: z.string(),
        language: z.string(),
        verdict: z.string(),
        score: z.number(),
        correctness: z.number(),
        performance: z.number().nullable(),
        /** The first test it failed, with its category and kind; null when it passed them all. */
        firstFailing: z
          .object({ name: z.string(), status: z.string(), category: z.string().nullable(), kind: z.enum(['correctness', 'performance']) })
          .nullable(),
        /** Whether it failed as its label says (a `slow` one on time on a performance test, others on a correctness test). */
        ok: z.boolean(),
        reason: z.string().nullable(),
        /** Its score is above DISCRIMINATION_THRESHOLD: the tests barely tell it apart. */
        discriminationWarning: z.boolean(),
      }),
    )
    .optional(),
  /** Calibrated CPU-time limits per performance test and language (see the README's problem format). */
  calibration: z
    .array(
      z.object({
        test: z.string(),
        language: z.string(),
        referenceMedianMs: z.number(),
        runs: z.number().int(),
        limitMs: z.number(),
      }),
    )
    .optional(),
  /** Why the problem is invalid beyond the solutions' verdicts (generator failures, calibration), and warnings. */
  problems: z.array(z.string()).optional(),
  warnings: z.array(z.string()).optional(),
});
export type ValidationReport = z.output<typeof validationReportSchema>;
