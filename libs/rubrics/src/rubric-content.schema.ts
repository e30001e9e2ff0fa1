import { z } from 'zod';
import { CitationKind, InterviewKind, RedFlagSeverity, RubricContent } from '@app/domain';
import { ContentProblem, toProblems } from '@app/hiring';
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

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (at most 64)');

export const citationSchema = z
  .object({
    kind: z.enum(CitationKind),
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
    kind: z.enum(InterviewKind),
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
    severity: z.enum(RedFlagSeverity),
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

/** A rubric data file: its name and description, then the content of its first version. */
export const rubricFileSchema = rubricContentSchema.safeExtend({
  name: text(RUBRIC_LIMITS.name),
  description: text(RUBRIC_LIMITS.description),
});

/** A drift between the domain types and the schema fails the build, not a seed. */
type Parsed = z.output<typeof rubricContentSchema>;
const _sameShape: [Parsed extends RubricContent ? true : never, RubricContent extends Parsed ? true : never] = [true, true];
void _sameShape;

/** Validates and normalises (trims) a rubric's criteria and red flags; problems name each field, e.g. "criteria.2.anchors.0.description". */
export function parseRubricContent(input: unknown): { ok: true; content: RubricContent } | { ok: false; problems: ContentProblem[] } {
  const r = rubricContentSchema.safeParse(input);
  return r.success ? { ok: true, content: r.data } : { ok: false, problems: toProblems(r.error) };
}
