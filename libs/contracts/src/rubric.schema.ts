import { z } from 'zod';
import { ANCHOR_MAX_CHARS, anchorProblem } from './anchors';

export const RUBRIC_LIMITS = {
  name: 200,
  description: 2000,
  title: 200,
  text: 1000,
  quote: 500,
  criteria: 40,
  redFlags: 20,
  weight: 100,
} as const;

/** The anchored scale: levels 1 to 4, no neutral middle. */
export const RATING_LEVELS = [1, 2, 3, 4] as const;

// The values of the domain's enums (InterviewKind, CitationKind, RedFlagSeverity in
// @app/domain, which this lib cannot import: it would pull TypeORM into the web bundle).
// libs/rubrics tests that both lists agree.
export const INTERVIEW_KINDS = ['CODING_FUNDAMENTALS', 'SYSTEM_DESIGN', 'BEHAVIORAL'] as const;
export const CITATION_KINDS = ['FAQ', 'REQUIREMENT'] as const;
export const RED_FLAG_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const RUBRIC_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const key = z.string().regex(RUBRIC_KEY_PATTERN, 'must be lower-case letters, digits and dashes (at most 64)');

export const citationSchema = z
  .object({
    kind: z.enum(CITATION_KINDS),
    quote: z.string().trim().min(10, 'must quote the FAQ sentence or job requirement (at least 10 characters)').max(RUBRIC_LIMITS.quote),
  })
  .strict();

export const anchorSchema = z
  .object({
    level: z.number().int(),
    description: z
      .string()
      .max(ANCHOR_MAX_CHARS + 100)
      .superRefine((d, ctx) => {
        const problem = anchorProblem(d);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((d) => d.trim()),
  })
  .strict();

export const criterionSchema = z
  .object({
    key,
    title: text(RUBRIC_LIMITS.title),
    lookFor: text(RUBRIC_LIMITS.text),
    kind: z.enum(INTERVIEW_KINDS),
    weight: z.number().positive('must be greater than 0').max(RUBRIC_LIMITS.weight),
    source: citationSchema,
    anchors: z.array(anchorSchema).length(RATING_LEVELS.length, `must have exactly ${RATING_LEVELS.length} anchors, for levels 1 to 4`),
  })
  .strict()
  .superRefine((c, ctx) => {
    c.anchors.forEach((a, i) => {
      if (a.level !== i + 1)
        ctx.addIssue({ code: 'custom', path: ['anchors', i, 'level'], message: `must be ${i + 1}: anchors list levels 1 to 4 in order` });
    });
    const seen = new Map<string, number>();
    c.anchors.forEach((a, i) => {
      const norm = a.description.toLowerCase();
      if (seen.has(norm))
        ctx.addIssue({
          code: 'custom',
          path: ['anchors', i, 'description'],
          message: `repeats level ${seen.get(norm)! + 1}: each level needs its own behaviour`,
        });
      else seen.set(norm, i);
    });
  });

export const redFlagSchema = z
  .object({
    key,
    title: text(RUBRIC_LIMITS.title),
    description: text(RUBRIC_LIMITS.text),
    severity: z.enum(RED_FLAG_SEVERITIES),
    source: citationSchema,
  })
  .strict();

export const rubricContentSchema = z
  .object({
    criteria: z.array(criterionSchema).min(1, 'needs at least one criterion').max(RUBRIC_LIMITS.criteria),
    redFlags: z.array(redFlagSchema).max(RUBRIC_LIMITS.redFlags),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [list, items] of [
      ['criteria', c.criteria],
      ['redFlags', c.redFlags],
    ] as const) {
      const keys = new Map<string, number>();
      items.forEach((item, i) => {
        if (keys.has(item.key))
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'key'],
            message: `"${item.key}" is already the key of ${list}.${keys.get(item.key)}`,
          });
        else keys.set(item.key, i);
      });
    }
  });

/** A rubric's name: required, trimmed. */
export const rubricNameSchema = text(RUBRIC_LIMITS.name);
/** A rubric's description: optional (empty when left out), trimmed. */
export const rubricDescriptionSchema = z
  .string()
  .trim()
  .max(RUBRIC_LIMITS.description, `must be at most ${RUBRIC_LIMITS.description} characters`);

/** A rubric data file: its name and description, then the content of its first version. */
export const rubricFileSchema = rubricContentSchema.safeExtend({
  name: rubricNameSchema,
  description: text(RUBRIC_LIMITS.description),
});

/**
 * What createRubric takes, as the web form sends it and the API checks it: name, description,
 * then the content (criteria, red flags) of version 1.
 */
export const rubricInputSchema = rubricContentSchema.safeExtend({
  name: rubricNameSchema,
  description: rubricDescriptionSchema,
});

export type RubricContentValues = z.output<typeof rubricContentSchema>;
