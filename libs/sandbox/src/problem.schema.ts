import { z } from 'zod';

/**
 * The problem document is a contract shared with authors, the API and the CLI:
 * extend it, never rename or repurpose a field.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Defaults applied to every field of `limits` a problem leaves out. */
export const LIMIT_DEFAULTS = Object.freeze({
  /** Wall time per test, async work included. */
  timeMs: 2000,
  /** Heap (plus array buffers) of the isolate per test. */
  memoryMb: 64,
  /** Output per test (console.log/print), in KiB counted as UTF-16 code units. */
  outputKb: 64,
  /** Size of the JSON text of a function's returned value, in KiB (UTF-16 code units). */
  resultKb: 1024,
  /** Size of the submitted source, in KiB (UTF-8 bytes). */
  sourceKb: 64,
});

/**
 * The largest `limits.sourceKb` a problem may set. The API accepts sources up to this ceiling
 * (SOURCE_MAX_BYTES) and then holds each submission to its own problem's limit (sourceLimitBytes).
 */
export const SOURCE_KB_MAX = 1024;
export const SOURCE_MAX_BYTES = SOURCE_KB_MAX * 1024;

/** The source limit in UTF-8 bytes of a problem document, parsed or as stored (defaults applied). */
export function sourceLimitKb(doc: { limits?: { sourceKb?: number } }): number {
  return doc.limits?.sourceKb ?? LIMIT_DEFAULTS.sourceKb;
}

// Why bounds at all: a problem is also input (an author can upload one), and these numbers
// size the watchdog, the isolate heap and buffers in the worker.
const limitsSchema = z
  .strictObject({
    timeMs: z.number().int().min(1).max(60_000).default(LIMIT_DEFAULTS.timeMs),
    memoryMb: z.number().int().min(8).max(2048).default(LIMIT_DEFAULTS.memoryMb),
    outputKb: z.number().int().min(1).max(16_384).default(LIMIT_DEFAULTS.outputKb),
    resultKb: z.number().int().min(1).max(16_384).default(LIMIT_DEFAULTS.resultKb),
    sourceKb: z.number().int().min(1).max(SOURCE_KB_MAX).default(LIMIT_DEFAULTS.sourceKb),
  })
  .prefault({});

const checkerSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('exact') }),
    z.strictObject({ type: z.literal('unordered') }),
    z.strictObject({ type: z.literal('float'), epsilon: z.number().positive().max(1).default(1e-6) }),
    z.strictObject({ type: z.literal('tokens') }),
  ])
  .prefault({ type: 'exact' });

function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > 256) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as Record<string, unknown>).every((x) => isJsonValue(x, depth + 1));
  }
  return false;
}

const jsonValue = z.custom<JsonValue>((v) => isJsonValue(v), {
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be a JSON value (at most 256 levels deep)'),
});

// The entry point is looked up by name inside the sandbox, so it must be a plain identifier.
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return static ' +
    'super switch this throw true try typeof var void while with yield eval arguments undefined NaN Infinity'
  ).split(' '),
);
const identifier = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/, 'must be a JavaScript identifier')
  .refine((s) => !RESERVED.has(s), 'must not be a reserved word');

/** Languages a problem may accept; `sql` only in `sql` mode, the others only outside it. */
export const LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const;
export type ProblemLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_CODE_LANGUAGES: readonly ProblemLanguage[] = ['javascript', 'typescript', 'python'];

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if ' +
    'import in is lambda nonlocal not or pass raise return try while with yield match case type _'
  ).split(' '),
);
// Python looks the function up in the module's namespace: a plain identifier that is no keyword.
const pythonIdentifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'must be a Python identifier')
  .refine((s) => !PYTHON_KEYWORDS.has(s), 'must not be a Python keyword');

const languageList = z
  .array(z.enum(LANGUAGES, { error: () => `must be one of ${LANGUAGES.join(', ')}` }))
  .min(1)
  .max(LANGUAGES.length)
  .refine((l) => new Set(l).size === l.length, 'must not repeat a language');

const perLanguageText = (max: number) =>
  z
    .strictObject({
      javascript: z.string().max(max).optional(),
      typescript: z.string().max(max).optional(),
      python: z.string().max(max).optional(),
      sql: z.string().max(max).optional(),
    })
    .optional();

const codeLanguageFields = {
  languages: languageList.optional(),
  entryPoints: z.strictObject({ javascript: identifier.optional(), typescript: identifier.optional(), python: pythonIdentifier.optional() }).optional(),
  signatures: perLanguageText(2000),
  starters: perLanguageText(64 * 1024),
};

/** An SQLite value as JSON: NULL, INTEGER/REAL (finite numbers), TEXT, or a BLOB as `{ "blob": "hex" }`. */
export type SqlValue = null | number | string | { blob: string };
const sqlValue = z.union(
  [
    z.null(),
    z.number().refine((n) => Number.isFinite(n), 'must be finite'),
    z.string(),
    z.strictObject({ blob: z.string().regex(/^(?:[0-9a-fA-F]{2})*$/, 'must be hexadecimal bytes') }),
  ],
  { error: () => 'must be null, a finite number, a string or { "blob": "hex" }' },
);
const sqlRow = z.array(sqlValue).max(1000);
const tableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, 'must be a plain SQL identifier');

/** `correctness` tests check answers; `performance` tests check that the answer comes in time on large inputs. */
export const TEST_KINDS = ['correctness', 'performance'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/** The largest JSON text a generator may return, in KiB (UTF-16 code units). */
export const GENERATED_KB_MAX = 16_384;

const testCommon = {
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100).optional(),
  hidden: z.boolean().default(true),
  weight: z.number().positive().max(1e6).default(1),
  kind: z.enum(TEST_KINDS, { error: () => `must be one of ${TEST_KINDS.join(', ')}` }).default('correctness'),
  /**
   * Performance tests only: the parameters handed to the problem's `generator`, which returns
   * the test's data. Such a test carries no inline data; its expected answer is the first
   * reference solution's (see materialize.ts).
   */
  generate: z.record(z.string(), jsonValue).optional(),
  /**
   * Performance tests only: the CPU-time limit in ms. Set by calibration per language (see
   * calibration.ts); an author may pin one for problems judged without calibration.
   */
  cpuLimitMs: z.number().int().min(1).max(60_000).optional(),
};

const functionTestSchema = z.strictObject({ ...testCommon, args: z.array(jsonValue).max(100).optional(), expected: jsonValue.optional() });
const stdioTestSchema = z.strictObject({ ...testCommon, stdin: z.string().optional(), expected: z.string().optional() });

const sqlTestSchema = z.strictObject({
  ...testCommon,
  /** Rows per table, each row in the table's column order; loaded after the schema. */
  data: z.record(tableName, z.array(sqlRow).max(100_000)).optional(),
  /** Extra SQL run after the data (not timed). */
  setup: z.string().max(200_000).optional(),
  expected: z.strictObject({ columns: z.array(z.string().max(200)).min(1).max(1000), rows: z.array(sqlRow).max(100_000) }).optional(),
});

const problemCommon = {
  slug: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
  title: z.string().trim().min(1).max(200),
  statement: z.string().max(200_000).default(''),
  limits: limitsSchema,
  checker: checkerSchema,
  /**
   * JavaScript source defining `function generate(params)`, which returns a generated test's
   * data deterministically: the args array (function mode), the stdin text (stdio mode) or the
   * rows per table (sql mode). Run in the sandbox, never on the host.
   */
  generator: z.string().min(1).max(200_000).optional(),
};

const functionProblemSchema = z.strictObject({
  ...problemCommon,
  mode: z.literal('function'),
  entryPoint: identifier,
  ...codeLanguageFields,
  tests: z.array(functionTestSchema).min(1).max(1000),
});

const stdioProblemSchema = z.strictObject({
  ...problemCommon,
  mode: z.literal('stdio'),
  ...codeLanguageFields,
  tests: z.array(stdioTestSchema).min(1).max(1000),
});

const sqlProblemSchema = z.strictObject({
  ...problemCommon,
  mode: z.literal('sql'),
  languages: languageList.optional(),
  signatures: perLanguageText(2000),
  starters: perLanguageText(64 * 1024),
  /** DDL run on each test's fresh database before its data (not timed). */
  schema: z.string().max(200_000),
  /** Compare result column names (case-insensitive) too; the count is always compared. */
  checkColumnNames: z.boolean().default(false),
  tests: z.array(sqlTestSchema).min(1).max(1000),
});

const problemUnion = z.discriminatedUnion('mode', [functionProblemSchema, stdioProblemSchema, sqlProblemSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'must be "function", "stdio" or "sql"' : undefined),
});

const problemSchema = problemUnion
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.tests.forEach((t, i) => {
      const first = seen.get(t.name);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: ['tests', i, 'name'], message: `duplicates the name of tests[${first}]` });
      else seen.set(t.name, i);
    });
    p.tests.forEach((t, i) => {
      const generated = t.generate !== undefined;
      const inline = p.mode === 'function' ? ['args', 'expected'] : p.mode === 'stdio' ? ['stdin', 'expected'] : ['data', 'expected'];
      for (const key of inline) {
        const has = (t as Record<string, unknown>)[key] !== undefined;
        if (generated && has) ctx.addIssue({ code: 'custom', path: ['tests', i, key], message: 'must be left out: the generator makes this test\'s data and the reference its answer' });
        if (!generated && !has && !(key === 'data' && p.mode === 'sql'))
          ctx.addIssue({ code: 'custom', path: ['tests', i, key], message: 'is required' });
      }
      if (generated && !t.hidden)
        ctx.addIssue({ code: 'custom', path: ['tests', i, 'hidden'], message: 'must be true: a generated test\'s data is made when judging and never shown' });
      if (generated && t.kind !== 'performance') ctx.addIssue({ code: 'custom', path: ['tests', i, 'generate'], message: 'is only for "kind": "performance" tests' });
      if (generated && !p.generator) ctx.addIssue({ code: 'custom', path: ['generator'], message: `is required: tests[${i}] is generated` });
      if (t.cpuLimitMs !== undefined && t.kind !== 'performance') ctx.addIssue({ code: 'custom', path: ['tests', i, 'cpuLimitMs'], message: 'is only for "kind": "performance" tests' });
    });
    if (p.languages) {
      p.languages.forEach((l, i) => {
        if ((l === 'sql') !== (p.mode === 'sql'))
          ctx.addIssue({
            code: 'custom',
            path: ['languages', i],
            message: p.mode === 'sql' ? 'an sql problem accepts only "sql"' : '"sql" needs "mode": "sql"',
          });
      });
    }
    if (p.mode === 'sql' && p.checker.type === 'tokens')
      ctx.addIssue({ code: 'custom', path: ['checker', 'type'], message: 'must be "exact", "unordered" or "float" for an sql problem' });
    if (p.mode === 'sql') {
      p.tests.forEach((t, i) => {
        if (!t.expected) return;
        const n = t.expected.columns.length;
        t.expected.rows.forEach((r, j) => {
          if (r.length !== n)
            ctx.addIssue({ code: 'custom', path: ['tests', i, 'expected', 'rows', j], message: `must have ${n} values, one per column` });
        });
      });
    }
    if (p.mode === 'function') {
      const accepts = p.languages ?? DEFAULT_CODE_LANGUAGES;
      // Only once entryPoint is a valid JavaScript identifier: otherwise that is the one issue to fix.
      const jsValid = /^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/.test(p.entryPoint) && !RESERVED.has(p.entryPoint);
      if (jsValid && accepts.includes('python') && !p.entryPoints?.python && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.entryPoint))
        ctx.addIssue({ code: 'custom', path: ['entryPoints', 'python'], message: 'is required: entryPoint is not a Python identifier' });
      if (jsValid && accepts.includes('python') && !p.entryPoints?.python && PYTHON_KEYWORDS.has(p.entryPoint))
        ctx.addIssue({ code: 'custom', path: ['entryPoints', 'python'], message: 'is required: entryPoint is a Python keyword' });
    }
    if (p.mode === 'function' && p.checker.type === 'unordered') {
      p.tests.forEach((t, i) => {
        if (t.expected !== undefined && !Array.isArray(t.expected))
          ctx.addIssue({ code: 'custom', path: ['tests', i, 'expected'], message: 'must be an array for the unordered checker' });
      });
    }
  })
  .transform((p) => ({ ...withPlaceholders(p), languages: p.languages ?? (p.mode === 'sql' ? ['sql' as const] : [...DEFAULT_CODE_LANGUAGES]) }));

type Parsed = z.output<typeof problemUnion>;

/**
 * Generated tests have no inline data until `materialize` fills it in: until then they hold
 * empty placeholders, so every test has the same shape for the code that reads them.
 */
function withPlaceholders(p: Parsed) {
  switch (p.mode) {
    case 'function':
      return { ...p, tests: p.tests.map((t) => ({ ...t, args: t.args ?? [], expected: t.expected ?? null })) };
    case 'stdio':
      return { ...p, tests: p.tests.map((t) => ({ ...t, stdin: t.stdin ?? '', expected: t.expected ?? '' })) };
    case 'sql':
      return { ...p, tests: p.tests.map((t) => ({ ...t, data: t.data ?? {}, expected: t.expected ?? { columns: ['?'], rows: [] } })) };
  }
}

export type Problem = z.output<typeof problemSchema>;
export type SqlProblem = Extract<Problem, { mode: 'sql' }>;
export type SqlTest = SqlProblem['tests'][number];
export type SqlExpected = SqlTest['expected'];
export type FunctionProblem = Extract<Problem, { mode: 'function' }>;
export type StdioProblem = Extract<Problem, { mode: 'stdio' }>;
export type ProblemTest = Problem['tests'][number];
export type FunctionTest = FunctionProblem['tests'][number];
export type StdioTest = StdioProblem['tests'][number];
export type Checker = Problem['checker'];

/** Whether the problem takes submissions in `language`. */
export function acceptsLanguage(problem: Pick<Problem, 'languages'>, language: string): boolean {
  return (problem.languages as readonly string[]).includes(language);
}

/** The function a submission in `language` must define (function mode). */
export function entryPointFor(problem: FunctionProblem, language: ProblemLanguage): string {
  const own = language === 'sql' ? undefined : problem.entryPoints?.[language];
  return own ?? problem.entryPoint;
}
export type ProblemLimits = Problem['limits'];
/** What authors write: every defaulted field optional. */
export type ProblemInput = z.input<typeof problemSchema>;

export interface ProblemIssue {
  /** Where, e.g. `tests[3].expected` or `limits.timeMs`; `(root)` for the document itself. */
  path: string;
  message: string;
}

export class ProblemValidationError extends Error {
  override readonly name = 'ProblemValidationError';
  constructor(readonly issues: ProblemIssue[]) {
    super(`invalid problem: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is required';
  return issue.message;
}

/**
 * Validates a problem document (parsed JSON or its text) and applies the defaults.
 * Throws ProblemValidationError naming every bad field.
 */
export function loadProblem(input: unknown): Problem {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input) as unknown;
    } catch (e) {
      throw new ProblemValidationError([{ path: '(root)', message: `is not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const parsed = problemSchema.safeParse(doc);
  if (!parsed.success) {
    throw new ProblemValidationError(
      parsed.error.issues.map((issue) => {
        // Unknown keys are reported on their object; name each key's own path instead.
        if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
          return { path: formatPath([...issue.path, issue.keys[0]]), message: 'is not a known field' };
        }
        return { path: formatPath(issue.path), message: issueMessage(issue) };
      }),
    );
  }
  return parsed.data;
}
