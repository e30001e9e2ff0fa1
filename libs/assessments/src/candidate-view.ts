/**
 * What a candidate may see of a problem: statement, signature and the visible examples.
 * Hidden tests contribute only their category and count; expected values of hidden tests,
 * their inputs and the reference solutions never leave this function.
 */
export interface ProblemDocument {
  slug: string;
  title: string;
  statement: string;
  mode: 'function' | 'stdio';
  entryPoint?: string;
  limits?: { timeMs?: number; memoryMb?: number };
  tests: Array<{
    name: string;
    args?: unknown[];
    stdin?: string;
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
  expected: unknown;
}

export interface CandidateProblemView {
  slug: string;
  title: string;
  statement: string;
  mode: 'function' | 'stdio';
  entryPoint: string | null;
  timeLimitMs: number | null;
  memoryLimitMb: number | null;
  examples: CandidateExample[];
  hiddenTests: Array<{ category: string; count: number }>;
}

export function candidateView(doc: ProblemDocument): CandidateProblemView {
  const hidden = new Map<string, number>();
  const examples: CandidateExample[] = [];
  for (const t of doc.tests) {
    // `hidden` defaults to true in the problem format: only an explicit false is visible.
    if (t.hidden === false) {
      examples.push({ name: t.name, args: t.args ?? null, stdin: t.stdin ?? null, expected: t.expected });
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
    entryPoint: doc.entryPoint ?? null,
    timeLimitMs: doc.limits?.timeMs ?? null,
    memoryLimitMb: doc.limits?.memoryMb ?? null,
    examples,
    hiddenTests: [...hidden].map(([category, count]) => ({ category, count })),
  };
}
