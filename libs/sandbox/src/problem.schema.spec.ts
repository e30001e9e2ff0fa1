import { formatPath, LIMIT_DEFAULTS, loadProblem, ProblemValidationError } from './problem.schema';

const twoSum = {
  slug: 'two-sum',
  title: 'Two Sum',
  statement: 'markdown',
  mode: 'function',
  entryPoint: 'twoSum',
  limits: { timeMs: 2000, memoryMb: 64 },
  checker: { type: 'exact' },
  tests: [{ name: 'example 1', args: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false, weight: 1 }],
};

function issuesOf(doc: unknown): Array<{ path: string; message: string }> {
  try {
    loadProblem(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemValidationError);
    return (e as ProblemValidationError).issues;
  }
  throw new Error('expected the problem to be refused');
}

describe('loadProblem', () => {
  it('accepts the documented example as is', () => {
    const p = loadProblem(twoSum);
    expect(p).toMatchObject({ slug: 'two-sum', mode: 'function', entryPoint: 'twoSum', checker: { type: 'exact' } });
    expect(p.limits).toEqual({ ...LIMIT_DEFAULTS, timeMs: 2000, memoryMb: 64 });
  });

  it('applies the documented defaults: limits, checker, hidden true, weight 1', () => {
    const p = loadProblem({ slug: 'echo', title: 'Echo', mode: 'stdio', tests: [{ name: 't', stdin: 'a\n', expected: 'a\n' }] });
    expect(p.limits).toEqual({ timeMs: 2000, memoryMb: 64, outputKb: 64, resultKb: 1024, sourceKb: 64 });
    expect(p.checker).toEqual({ type: 'exact' });
    expect(p.statement).toBe('');
    expect(p.tests[0]).toEqual({ name: 't', stdin: 'a\n', expected: 'a\n', hidden: true, weight: 1, kind: 'correctness' });
  });

  it('defaults the float epsilon and keeps categories', () => {
    const p = loadProblem({
      ...twoSum,
      checker: { type: 'float' },
      tests: [{ name: 'big', args: [1], expected: 1.5, category: 'large input' }],
    });
    expect(p.checker).toEqual({ type: 'float', epsilon: 1e-6 });
    expect(p.tests[0].category).toBe('large input');
  });

  it('parses JSON text, and names the document when the text is not JSON', () => {
    expect(loadProblem(JSON.stringify(twoSum)).slug).toBe('two-sum');
    expect(issuesOf('{ nope')).toEqual([{ path: '(root)', message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('names each bad field by its path', () => {
    const issues = issuesOf({
      ...twoSum,
      slug: 'Two Sum!',
      limits: { timeMs: -5, memoryMb: 64.5 },
      tests: [
        { name: 'ok', args: [1], expected: 1 },
        { name: '', args: 'x', expected: 1, weight: 0 },
      ],
    });
    const paths = issues.map((i) => i.path).sort();
    expect(paths).toEqual(['limits.memoryMb', 'limits.timeMs', 'slug', 'tests[1].args', 'tests[1].name', 'tests[1].weight']);
  });

  it('requires args and expected in function mode, stdin and expected in stdio mode', () => {
    expect(issuesOf({ ...twoSum, tests: [{ name: 'a' }] })).toEqual([
      { path: 'tests[0].args', message: 'is required' },
      { path: 'tests[0].expected', message: 'is required' },
    ]);
    expect(issuesOf({ slug: 'e', title: 'E', mode: 'stdio', tests: [{ name: 'a', args: [], expected: 1 }] }).map((i) => i.path)).toEqual(
      expect.arrayContaining(['tests[0].expected', 'tests[0].args']),
    );
    // A missing input is named once the test's other fields are right (the check runs on a well-formed document).
    expect(issuesOf({ slug: 'e', title: 'E', mode: 'stdio', tests: [{ name: 'a', expected: '1' }] })).toEqual([
      { path: 'tests[0].stdin', message: 'is required' },
    ]);
  });

  it('takes generated performance tests without inline data, hidden, with a generator', () => {
    const gen = { ...twoSum, generator: 'function generate(p) { return [[1, 2], 3]; }' };
    const p = loadProblem({ ...gen, tests: [...twoSum.tests, { name: 'big', kind: 'performance', generate: { seed: 1, n: 10 } }] });
    expect(p.tests.at(-1)).toMatchObject({ name: 'big', kind: 'performance', hidden: true, generate: { seed: 1, n: 10 }, args: [], expected: null });
    expect(issuesOf({ ...twoSum, tests: [{ name: 'big', kind: 'performance', generate: { n: 10 } }] })).toEqual([
      { path: 'generator', message: 'is required: tests[0] is generated' },
    ]);
    expect(issuesOf({ ...gen, tests: [{ name: 'big', kind: 'performance', generate: { n: 1 }, args: [1], expected: 1, hidden: false }] }).map((i) => i.path)).toEqual([
      'tests[0].args',
      'tests[0].expected',
      'tests[0].hidden',
    ]);
    expect(issuesOf({ ...gen, tests: [{ name: 'big', generate: { n: 1 } }] })).toEqual([
      { path: 'tests[0].generate', message: 'is only for "kind": "performance" tests' },
    ]);
  });

  it('refuses unknown fields (typos) by name', () => {
    expect(issuesOf({ ...twoSum, limit: { timeMs: 1 } })).toEqual([{ path: 'limit', message: 'is not a known field' }]);
    expect(issuesOf({ ...twoSum, tests: [{ ...twoSum.tests[0], hiden: true }] })).toEqual([
      { path: 'tests[0].hiden', message: 'is not a known field' },
    ]);
  });

  it('refuses an unknown mode and an unknown checker', () => {
    expect(issuesOf({ ...twoSum, mode: 'repl' })).toEqual([{ path: 'mode', message: 'must be "function", "stdio" or "sql"' }]);
    expect(issuesOf({ ...twoSum, checker: { type: 'fuzzy' } }).map((i) => i.path)).toEqual(['checker.type']);
    expect(issuesOf({ ...twoSum, checker: { type: 'float', epsilon: -1 } }).map((i) => i.path)).toEqual(['checker.epsilon']);
  });

  it('requires an entry point that can be looked up safely by name', () => {
    expect(issuesOf({ ...twoSum, entryPoint: 'two sum' })).toEqual([{ path: 'entryPoint', message: 'must be a JavaScript identifier' }]);
    expect(issuesOf({ ...twoSum, entryPoint: 'constructor()' }).map((i) => i.path)).toEqual(['entryPoint']);
    expect(issuesOf({ ...twoSum, entryPoint: 'return' })).toEqual([{ path: 'entryPoint', message: 'must not be a reserved word' }]);
    expect(issuesOf({ ...twoSum, entryPoint: undefined })).toEqual([{ path: 'entryPoint', message: 'is required' }]);
  });

  it('refuses duplicate test names and non-JSON expected values', () => {
    const issues = issuesOf({
      ...twoSum,
      tests: [
        { name: 'same', args: [], expected: 1 },
        { name: 'same', args: [], expected: 1 },
      ],
    });
    expect(issues).toEqual([{ path: 'tests[1].name', message: 'duplicates the name of tests[0]' }]);
    expect(issuesOf({ ...twoSum, tests: [{ name: 'a', args: [], expected: new Date() }] })).toEqual([
      { path: 'tests[0].expected', message: 'must be a JSON value (at most 256 levels deep)' },
    ]);
  });

  it('requires array expectations for the unordered checker in function mode', () => {
    expect(issuesOf({ ...twoSum, checker: { type: 'unordered' }, tests: [{ name: 'a', args: [], expected: 3 }] })).toEqual([
      { path: 'tests[0].expected', message: 'must be an array for the unordered checker' },
    ]);
  });

  it('needs at least one test and bounds the limits', () => {
    expect(issuesOf({ ...twoSum, tests: [] }).map((i) => i.path)).toEqual(['tests']);
    expect(
      issuesOf({ ...twoSum, limits: { timeMs: 600_000, memoryMb: 4, sourceKb: 0 } })
        .map((i) => i.path)
        .sort(),
    ).toEqual(['limits.memoryMb', 'limits.sourceKb', 'limits.timeMs']);
  });

  it('puts every issue on one line of its message', () => {
    try {
      loadProblem({ ...twoSum, title: '', tests: 5 });
      throw new Error('unreachable');
    } catch (e) {
      expect((e as Error).message).toMatch(/^invalid problem: title: .+; tests: .+$/);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('formatPath', () => {
  it('writes indices in brackets and keys with dots', () => {
    expect(formatPath(['tests', 3, 'args', 0])).toBe('tests[3].args[0]');
    expect(formatPath(['limits', 'timeMs'])).toBe('limits.timeMs');
    expect(formatPath([])).toBe('(root)');
  });
});
