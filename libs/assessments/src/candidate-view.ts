/**
 * What a candidate may see of a problem: statement, signature and the visible examples.
 * Hidden tests contribute only their category and count; expected values of hidden tests,
 * their inputs (an SQL test's table rows included) and the reference solutions never leave
 * this function.
 */
export interface ProblemDocument {
  slug: string;
  title: string;
  statement: string;
  mode: 'function' | 'stdio' | 'sql';
  /** Default: JavaScript, TypeScript and Python; `["sql"]` for SQL problems. */
  languages?: string[];
  entryPoint?: string;
  entryPoints?: Record<string, string>;
  signatures?: Record<string, string>;
  starters?: Record<string, string>;
  /** SQL problems: the DDL each test runs first. */
  schema?: string;
  limits?: { timeMs?: number; memoryMb?: number; sourceKb?: number };
  tests: Array<{
    name: string;
    args?: unknown[];
    stdin?: string;
    data?: Record<string, unknown[][]>;
    expected: unknown;
    hidden?: boolean;
    weight?: number;
    category?: string;
  }>;
  [key: string]: unknown;
}

export interface CandidateExample {
  name: string;
  args: unknown[] | null;
  stdin: string | null;
  /** SQL examples: table name -> rows. */
  data: Record<string, unknown[][]> | null;
  expected: unknown;
}

export interface CandidateProblemView {
  slug: string;
  title: string;
  statement: string;
  mode: 'function' | 'stdio' | 'sql';
  languages: string[];
  entryPoint: string | null;
  /** The function name per language: `entryPoints` over the default `entryPoint`. */
  entryPoints: Record<string, string>;
  signatures: Record<string, string>;
  starters: Record<string, string>;
  schema: string | null;
  timeLimitMs: number | null;
  memoryLimitMb: number | null;
  examples: CandidateExample[];
  hiddenTests: Array<{ category: string; count: number }>;
}

const DEFAULT_LANGUAGES = ['javascript', 'typescript', 'python'];

/** The languages a submission to the problem may use; the judge's defaults when the document names none. */
export function problemLanguages(doc: Pick<ProblemDocument, 'languages' | 'mode'>): string[] {
  return doc.languages ?? (doc.mode === 'sql' ? ['sql'] : DEFAULT_LANGUAGES);
}

export function candidateView(doc: ProblemDocument): CandidateProblemView {
  const hidden = new Map<string, number>();
  const examples: CandidateExample[] = [];
  const languages = problemLanguages(doc);
  const entryPoint = doc.entryPoint;
  for (const t of doc.tests) {
    // `hidden` defaults to true in the problem format: only an explicit false is visible.
    if (t.hidden === false) {
      examples.push({ name: t.name, args: t.args ?? null, stdin: t.stdin ?? null, data: t.data ?? null, expected: t.expected });
    } else {
      const category = t.category ?? 'hidden';
      hidden.set(category, (hidden.get(category) ?? 0) + 1);
    }
  }
  return {
    slug: doc.slug,
    title: doc.title,
    statement: doc.statement,
    mode: doc.mode,
    languages,
    entryPoint: entryPoint ?? null,
    entryPoints:
      entryPoint === undefined
        ? {}
        : Object.fromEntries(languages.filter((l) => l !== 'sql').map((l) => [l, doc.entryPoints?.[l] ?? entryPoint])),
    signatures: { ...doc.signatures },
    starters: { ...doc.starters },
    schema: doc.schema ?? null,
    timeLimitMs: doc.limits?.timeMs ?? null,
    memoryLimitMb: doc.limits?.memoryMb ?? null,
    examples,
    hiddenTests: [...hidden].map(([category, count]) => ({ category, count })),
  };
}
