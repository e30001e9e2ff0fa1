import { acceptsLanguage, entryPointFor, loadProblem, ProblemValidationError } from './problem.schema';
import { checkResultSet, sqlRowsUnorderedEqual, sqlValueEqual } from './sql-checkers';

const fn = {
  slug: 'two-sum',
  title: 'Two Sum',
  mode: 'function',
  entryPoint: 'twoSum',
  tests: [{ name: 't', args: [[2, 7], 9], expected: [0, 1] }],
};

const sqlDoc = {
  slug: 'error-paths',
  title: 'Error paths',
  mode: 'sql',
  schema: 'CREATE TABLE r (path TEXT, status INTEGER);',
  tests: [
    {
      name: 't',
      data: { r: [['/a', 500], ['/b', 200]] },
      expected: { columns: ['path', 'errors'], rows: [['/a', 1]] },
    },
  ],
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

describe('problem languages', () => {
  it('defaults to javascript, typescript and python for function and stdio problems, sql for sql problems', () => {
    expect(loadProblem(fn).languages).toEqual(['javascript', 'typescript', 'python']);
    expect(loadProblem({ slug: 'e', title: 'E', mode: 'stdio', tests: [{ name: 't', stdin: '', expected: '' }] }).languages).toEqual([
      'javascript',
      'typescript',
      'python',
    ]);
    const s = loadProblem(sqlDoc);
    expect(s.languages).toEqual(['sql']);
    expect(acceptsLanguage(s, 'sql')).toBe(true);
    expect(acceptsLanguage(s, 'python')).toBe(false);
  });

  it('keeps JavaScript problems exactly as they were apart from the defaulted languages', () => {
    const p = loadProblem(fn);
    expect(p).not.toHaveProperty('entryPoints');
    expect(entryPointFor(p as Extract<typeof p, { mode: 'function' }>, 'javascript')).toBe('twoSum');
    expect(entryPointFor(p as Extract<typeof p, { mode: 'function' }>, 'python')).toBe('twoSum');
  });

  it('takes per-language entry points, signatures and starters', () => {
    const p = loadProblem({
      ...fn,
      languages: ['python'],
      entryPoints: { python: 'two_sum' },
      signatures: { python: 'def two_sum(nums: list[int], target: int) -> list[int]' },
      starters: { python: 'def two_sum(nums, target):\n    pass\n' },
    });
    if (p.mode !== 'function') throw new Error('mode');
    expect(entryPointFor(p, 'python')).toBe('two_sum');
    expect(entryPointFor(p, 'javascript')).toBe('twoSum');
    expect(p.starters?.python).toContain('def two_sum');
  });

  it('refuses sql outside sql mode, other languages in sql mode, unknown and repeated languages', () => {
    expect(issuesOf({ ...fn, languages: ['sql'] })).toEqual([{ path: 'languages[0]', message: '"sql" needs "mode": "sql"' }]);
    expect(issuesOf({ ...sqlDoc, languages: ['sql', 'python'] })).toEqual([{ path: 'languages[1]', message: 'an sql problem accepts only "sql"' }]);
    expect(issuesOf({ ...fn, languages: ['cobol'] })[0].path).toBe('languages[0]');
    expect(issuesOf({ ...fn, languages: ['python', 'python'] })).toEqual([{ path: 'languages', message: 'must not repeat a language' }]);
    expect(issuesOf({ ...fn, languages: [] })[0].path).toBe('languages');
  });

  it('needs a Python entry point when the shared one is no Python identifier', () => {
    expect(issuesOf({ ...fn, entryPoint: '$solve' })).toEqual([
      { path: 'entryPoints.python', message: 'is required: entryPoint is not a Python identifier' },
    ]);
    expect(issuesOf({ ...fn, entryPoint: 'lambda' })[0].path).toBe('entryPoints.python');
    expect(loadProblem({ ...fn, entryPoint: '$solve', languages: ['javascript'] }).languages).toEqual(['javascript']);
    expect(loadProblem({ ...fn, entryPoint: '$solve', entryPoints: { python: 'solve' } }).mode).toBe('function');
    expect(issuesOf({ ...fn, entryPoints: { python: 'def' } })).toEqual([{ path: 'entryPoints.python', message: 'must not be a Python keyword' }]);
    expect(issuesOf({ ...fn, entryPoints: { ruby: 'x' } })[0]).toEqual({ path: 'entryPoints.ruby', message: 'is not a known field' });
  });
});

describe('sql problems', () => {
  it('loads schema, per-test data, setup and expected result sets with defaults', () => {
    const p = loadProblem({ ...sqlDoc, tests: [{ ...sqlDoc.tests[0], setup: 'DELETE FROM r;' }] });
    if (p.mode !== 'sql') throw new Error('mode');
    expect(p.checkColumnNames).toBe(false);
    expect(p.checker).toEqual({ type: 'exact' });
    expect(p.tests[0]).toMatchObject({ hidden: true, weight: 1, setup: 'DELETE FROM r;', data: { r: [['/a', 500], ['/b', 200]] } });
    const noData = loadProblem({ ...sqlDoc, tests: [{ name: 'empty', expected: { columns: ['n'], rows: [[0]] } }] });
    expect(noData.tests[0]).toMatchObject({ data: {} });
  });

  it('refuses rows that do not match the columns, bad values and the tokens checker', () => {
    expect(issuesOf({ ...sqlDoc, tests: [{ ...sqlDoc.tests[0], expected: { columns: ['a', 'b'], rows: [['/a']] } }] })).toEqual([
      { path: 'tests[0].expected.rows[0]', message: 'must have 2 values, one per column' },
    ]);
    expect(issuesOf({ ...sqlDoc, tests: [{ ...sqlDoc.tests[0], data: { r: [[true, 1]] } }] })[0].path).toBe('tests[0].data.r[0][0]');
    expect(issuesOf({ ...sqlDoc, checker: { type: 'tokens' } })).toEqual([
      { path: 'checker.type', message: 'must be "exact", "unordered" or "float" for an sql problem' },
    ]);
    expect(issuesOf({ ...sqlDoc, schema: undefined })).toEqual([{ path: 'schema', message: 'is required' }]);
    expect(issuesOf({ ...sqlDoc, tests: [{ ...sqlDoc.tests[0], args: [] }] })).toEqual([{ path: 'tests[0].args', message: 'is not a known field' }]);
  });

  it('accepts blobs as hex and refuses odd hex', () => {
    expect(loadProblem({ ...sqlDoc, tests: [{ name: 'b', expected: { columns: ['b'], rows: [[{ blob: '00ff' }]] } }] }).mode).toBe('sql');
    expect(issuesOf({ ...sqlDoc, tests: [{ name: 'b', expected: { columns: ['b'], rows: [[{ blob: '0' }]] } }] })[0].path).toBe(
      'tests[0].expected.rows[0][0].blob',
    );
  });
});

describe('sql checkers', () => {
  const exact = { type: 'exact' as const };
  it('compares by SQLite value: TEXT is not INTEGER, an integral REAL equals the INTEGER, NULL only NULL', () => {
    expect(sqlValueEqual('2', 2)).toBe(false);
    expect(sqlValueEqual(2.0, 2)).toBe(true);
    expect(sqlValueEqual(null, 0)).toBe(false);
    expect(sqlValueEqual(null, null)).toBe(true);
    expect(sqlValueEqual({ blob: '00FF' }, { blob: '00ff' })).toBe(true);
    expect(sqlValueEqual({ blob: '00' }, '00')).toBe(false);
  });

  it('exact: same rows in the same order; unordered: the same multiset', () => {
    const e = { columns: ['a'], rows: [[1], [2], [2]] };
    expect(checkResultSet(exact, { columns: ['x'], rows: [[1], [2], [2]] }, e, false)).toBeNull();
    expect(checkResultSet(exact, { columns: ['x'], rows: [[2], [1], [2]] }, e, false)).toBe('rows');
    expect(checkResultSet({ type: 'unordered' }, { columns: ['x'], rows: [[2], [1], [2]] }, e, false)).toBeNull();
    expect(sqlRowsUnorderedEqual([[2], [1], [1]], [[1], [2], [2]])).toBe(false);
    expect(sqlRowsUnorderedEqual([['2']], [[2]])).toBe(false);
  });

  it('float: numbers within epsilon * max(1, |e|)', () => {
    const e = { columns: ['a', 'b'], rows: [['x', 100]] };
    expect(checkResultSet({ type: 'float', epsilon: 1e-3 }, { columns: ['a', 'b'], rows: [['x', 100.05]] }, e, false)).toBeNull();
    expect(checkResultSet({ type: 'float', epsilon: 1e-3 }, { columns: ['a', 'b'], rows: [['x', 100.2]] }, e, false)).toBe('rows');
  });

  it('always compares the column count; names only when asked, case-insensitively', () => {
    const e = { columns: ['Path', 'errors'], rows: [] };
    expect(checkResultSet(exact, { columns: ['path'], rows: [] }, e, false)).toBe('columns');
    expect(checkResultSet(exact, { columns: ['x', 'y'], rows: [] }, e, false)).toBeNull();
    expect(checkResultSet(exact, { columns: ['x', 'y'], rows: [] }, e, true)).toBe('column names');
    expect(checkResultSet(exact, { columns: ['PATH', 'Errors'], rows: [] }, e, true)).toBeNull();
  });
});
