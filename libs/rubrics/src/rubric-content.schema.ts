import type { z } from 'zod';
import { RubricContent } from '@app/domain';
import { rubricContentSchema } from '@app/contracts';
import { ContentProblem, toProblems } from '@app/hiring';

// The schemas live in @app/contracts: the web app's rubric form checks with the same ones.
export {
  anchorSchema,
  citationSchema,
  criterionSchema,
  RATING_LEVELS,
  redFlagSchema,
  RUBRIC_LIMITS,
  rubricContentSchema,
  rubricFileSchema,
} from '@app/contracts';

/**
 * The shared schema lists enum values as strings; the domain names them with TypeScript enums.
 * A drift between the two shapes (a field, or an enum value) fails the build, not a seed.
 */
type EnumsAsValues<T> = { [K in keyof T]: T[K] extends string ? `${T[K]}` : EnumsAsValues<T[K]> };
type Parsed = z.output<typeof rubricContentSchema>;
type Domain = EnumsAsValues<RubricContent>;
const _sameShape: [Parsed extends Domain ? true : never, Domain extends Parsed ? true : never] = [true, true];
void _sameShape;

/** Parsed content as the domain types it: the same shape (checked above), enum fields holding the enums' own values. */
export const asRubricContent = (parsed: Parsed): RubricContent => parsed as unknown as RubricContent;

/** Validates and normalises (trims) a rubric's criteria and red flags; problems name each field, e.g. "criteria.2.anchors.0.description". */
export function parseRubricContent(input: unknown): { ok: true; content: RubricContent } | { ok: false; problems: ContentProblem[] } {
  const r = rubricContentSchema.safeParse(input);
  return r.success ? { ok: true, content: asRubricContent(r.data) } : { ok: false, problems: toProblems(r.error) };
}
