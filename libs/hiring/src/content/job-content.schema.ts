import { z } from 'zod';
import { protectedTraitsIn } from './protected-traits';
import { AnswerType, JobContent, PayPeriod, ScreeningQuestionKind } from '@app/domain';

/** Limits shared by the template files and the GraphQL inputs that edit a job. */
export const CONTENT_LIMITS = {
  shortText: 200,
  longText: 5000,
  listItems: 50,
  questions: 30,
  hardSkills: 60,
  options: 20,
  aliases: 20,
} as const;

const short = z.string().trim().min(1, 'must not be empty').max(CONTENT_LIMITS.shortText);
const list = (max: number = CONTENT_LIMITS.listItems) => z.array(short).max(max);

/** Lower-case, no spaces or punctuation except + and # (C++, C#): "Node.js" ~ "node js" ~ "NodeJS". */
export function normalizeSkill(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9+#]/g, '');
}

export const hardSkillSchema = z
  .object({
    group: short,
    name: short,
    weight: z.number().positive('must be greater than 0').max(100),
    aliases: list(CONTENT_LIMITS.aliases).default([]),
    anyOf: short.nullable().default(null),
  })
  .strict();

export const toolCategorySchema = z.object({ category: short, items: list(CONTENT_LIMITS.options) }).strict();

export const screeningRuleSchema = z
  .object({
    requiredAnswer: z.boolean().nullable().default(null),
    acceptedValues: list(CONTENT_LIMITS.options).default([]),
    reviewValues: list(CONTENT_LIMITS.options).default([]),
    passAt: z.number().finite().nullable().default(null),
    minLength: z.number().int().min(1).max(2000).nullable().default(null),
    weight: z.number().min(0).max(100).default(0),
    rejectionReason: short.nullable().default(null),
  })
  .strict();

export const screeningQuestionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (at most 64)'),
    prompt: z.string().trim().min(1, 'must not be empty').max(1000),
    kind: z.enum(ScreeningQuestionKind),
    answerType: z.enum(AnswerType),
    required: z.boolean().default(true),
    options: list(CONTENT_LIMITS.options).default([]),
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    source: short.nullable().default(null),
    justification: z.string().trim().min(20, 'must say in a sentence why the job needs it (at least 20 characters)').max(500).nullable().default(null),
    rule: screeningRuleSchema,
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const knockout = q.kind === ScreeningQuestionKind.KNOCKOUT;
    const r = q.rule;
    if (q.answerType !== AnswerType.CHOICE && q.options.length) problem(['options'], 'only CHOICE questions have options');
    if (q.answerType !== AnswerType.NUMBER && (q.min !== null || q.max !== null)) problem(['min'], 'only NUMBER questions have a range');
    if (q.answerType !== AnswerType.BOOLEAN && r.requiredAnswer !== null) problem(['rule', 'requiredAnswer'], 'only BOOLEAN questions have a required answer');
    if (q.answerType !== AnswerType.CHOICE && (r.acceptedValues.length || r.reviewValues.length)) {
      problem(['rule', 'acceptedValues'], 'only CHOICE questions have accepted values');
    }
    if (q.answerType !== AnswerType.NUMBER && r.passAt !== null) problem(['rule', 'passAt'], 'only NUMBER questions have passAt');
    if (r.minLength !== null) problem(['rule', 'minLength'], 'free-text answers are not scored by their length: a person reads them (remove minLength)');
    if (q.answerType === AnswerType.TEXT && q.kind === ScreeningQuestionKind.SCORED) {
      problem(['kind'], 'a free-text answer cannot be scored automatically: make the question INFORMATIONAL (reviewers read the answer)');
    }
    if (knockout) {
      if (!q.justification) problem(['justification'], 'a knock-out needs a job-related justification: why can the job not be done without it?');
      // Knock-outs may not screen on protected or proxy traits (libs/hiring/data/protected-traits.json).
      for (const [path, text] of [[['prompt'], q.prompt] as const, ...q.options.map((o, i) => [['options', i], o] as const)]) {
        const hit = protectedTraitsIn(text)[0];
        if (hit) {
          problem([...path], `a knock-out cannot screen on ${hit.trait} ("${hit.word}"): it is a protected or proxy trait. Ask only what the job requires (e.g. authorization to work, not citizenship), or remove the question`);
        }
      }
      if (!r.rejectionReason) problem(['rule', 'rejectionReason'], 'a knock-out question needs the reason shown when it fails');
      if (r.weight !== 0) problem(['rule', 'weight'], 'knock-out questions carry no weight (they pass or fail)');
      if (q.answerType === AnswerType.TEXT) problem(['answerType'], 'a knock-out question cannot be TEXT: free text has no pass/fail rule');
      if (q.answerType === AnswerType.BOOLEAN && r.requiredAnswer === null) problem(['rule', 'requiredAnswer'], 'a BOOLEAN knock-out needs the answer that passes');
      if (q.answerType === AnswerType.NUMBER && r.passAt === null) problem(['rule', 'passAt'], 'a NUMBER knock-out needs passAt');
      if (q.answerType === AnswerType.CHOICE && !r.acceptedValues.length) problem(['rule', 'acceptedValues'], 'a CHOICE knock-out needs at least one accepted value');
    } else if (q.kind === ScreeningQuestionKind.INFORMATIONAL) {
      if (r.weight !== 0) problem(['rule', 'weight'], 'an informational question carries no weight (it is not scored)');
      if (r.rejectionReason !== null) problem(['rule', 'rejectionReason'], 'only knock-out questions have a rejection reason');
      if (r.reviewValues.length) problem(['rule', 'reviewValues'], 'only knock-out questions have review values');
      if (r.acceptedValues.length || r.requiredAnswer !== null || r.passAt !== null) problem(['rule'], 'an informational question has no rule: nothing is accepted or scored');
      if (q.answerType === AnswerType.CHOICE && q.options.length < 2) problem(['options'], 'a CHOICE question needs at least 2 options');
    } else {
      if (r.weight <= 0) problem(['rule', 'weight'], 'a scored question needs a weight greater than 0');
      if (r.rejectionReason !== null) problem(['rule', 'rejectionReason'], 'only knock-out questions have a rejection reason');
      if (r.reviewValues.length) problem(['rule', 'reviewValues'], 'only knock-out questions have review values');
      if (q.answerType === AnswerType.NUMBER && q.min === null) problem(['min'], 'a scored NUMBER question needs min (the value worth nothing)');
      if (q.answerType === AnswerType.CHOICE && !r.acceptedValues.length) problem(['rule', 'acceptedValues'], 'a scored CHOICE question needs at least one accepted value');
    }
    if (q.answerType === AnswerType.CHOICE) {
      if (q.options.length < 2) problem(['options'], 'a CHOICE question needs at least 2 options');
      const opts = new Set(q.options);
      if (opts.size !== q.options.length) problem(['options'], 'options must be distinct');
      for (const [field, values] of [['acceptedValues', r.acceptedValues], ['reviewValues', r.reviewValues]] as const) {
        values.forEach((v, i) => {
          if (!opts.has(v)) problem(['rule', field, i], `"${v}" is not one of the options`);
        });
      }
      if (r.acceptedValues.some((v) => r.reviewValues.includes(v))) problem(['rule', 'reviewValues'], 'a value cannot be both accepted and for review');
    }
    if (q.answerType === AnswerType.NUMBER) {
      if (q.min !== null && q.max !== null && q.min > q.max) problem(['max'], 'must not be less than min');
      if (r.passAt !== null && ((q.min !== null && r.passAt < q.min) || (q.max !== null && r.passAt > q.max))) {
        problem(['rule', 'passAt'], 'must be within min and max');
      }
      if (!knockout && r.passAt !== null && q.min !== null && r.passAt <= q.min) problem(['rule', 'passAt'], 'must be greater than min');
    }
  });

export const payRangeSchema = z
  .object({
    min: z.number().finite().min(0, 'must not be negative').max(1e9),
    max: z.number().finite().min(0, 'must not be negative').max(1e9),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals, e.g. "USD"'),
    period: z.enum(PayPeriod),
  })
  .strict()
  .refine((p) => p.max >= p.min, { path: ['max'], message: 'must not be less than min' });

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "DE"');
export const workplaceSchema = z.object({ country: countryCode, remoteCountries: z.array(countryCode).max(250).default([]) }).strict();

export const jobContentSchema = z
  .object({
    title: short,
    location: short,
    employmentType: z.string().trim().min(1, 'must not be empty').max(100),
    about: z.string().trim().min(1, 'must not be empty').max(CONTENT_LIMITS.longText),
    responsibilities: list(),
    qualifications: list(),
    prerequisites: list(),
    hardSkills: z.array(hardSkillSchema).max(CONTENT_LIMITS.hardSkills),
    softSkills: list(),
    tools: z.array(toolCategorySchema).max(CONTENT_LIMITS.listItems),
    perks: list(),
    screeningQuestions: z.array(screeningQuestionSchema).max(CONTENT_LIMITS.questions),
    screeningThreshold: z.number().min(0).max(1),
    payRange: payRangeSchema.nullable().default(null),
    workplace: workplaceSchema.nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    const keys = new Map<string, number>();
    c.screeningQuestions.forEach((q, i) => {
      if (keys.has(q.key)) ctx.addIssue({ code: 'custom', path: ['screeningQuestions', i, 'key'], message: `"${q.key}" is already the key of question ${keys.get(q.key)}` });
      keys.set(q.key, i);
    });
    // A spelling may stand for one skill only, or a candidate's skill would count twice.
    const spellings = new Map<string, string>();
    c.hardSkills.forEach((s, i) => {
      for (const [j, spelling] of [s.name, ...s.aliases].entries()) {
        const norm = normalizeSkill(spelling);
        const path = j === 0 ? ['hardSkills', i, 'name'] : ['hardSkills', i, 'aliases', j - 1];
        if (!norm) ctx.addIssue({ code: 'custom', path, message: 'must contain a letter or digit' });
        else if (spellings.has(norm) && spellings.get(norm) !== s.name) ctx.addIssue({ code: 'custom', path, message: `"${spelling}" already stands for "${spellings.get(norm)}"` });
        else if (spellings.has(norm) && j === 0) ctx.addIssue({ code: 'custom', path, message: `"${spelling}" is listed twice` });
        else spellings.set(norm, s.name);
      }
    });
  });

export const templateFileSchema = jobContentSchema.safeExtend({ name: short });

/** Checks the types in @app/domain and the schema agree: a drift fails the build, not a seed. */
type Parsed = z.output<typeof jobContentSchema>;
const _sameShape: [Parsed extends JobContent ? true : never, JobContent extends Parsed ? true : never] = [true, true];
void _sameShape;

export interface ContentProblem {
  /** Dotted path, e.g. "screeningQuestions.2.rule.acceptedValues.0". */
  field: string;
  message: string;
}

export function toProblems(error: z.ZodError, prefix = ''): ContentProblem[] {
  return error.issues.map((i) => {
    const path = [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.');
    const message = i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return { field: path || '(root)', message };
  });
}

/** Validates (and normalises: trims, fills defaults) a job's content; throws nothing. */
export function parseJobContent(input: unknown): { ok: true; content: JobContent } | { ok: false; problems: ContentProblem[] } {
  const r = jobContentSchema.safeParse(input);
  return r.success ? { ok: true, content: r.data } : { ok: false, problems: toProblems(r.error) };
}
