import { candidateView, ProblemDocument } from './candidate-view';

const doc: ProblemDocument = {
  slug: 'two-sum',
  title: 'Two Sum',
  statement: 'Find two indices.',
  mode: 'function',
  entryPoint: 'twoSum',
  limits: { timeMs: 1000, memoryMb: 64 },
  referenceSolutions: [{ language: 'javascript', source: 'SECRET-SOLUTION' }],
  tests: [
    { name: 'example 1', args: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false },
    { name: 'negatives', args: [[-3, 4, 3, 90], 0], expected: ['SECRET-EXPECTED'], hidden: true, category: 'edge cases' },
    { name: 'dupes', args: [[3, 3], 6], expected: ['SECRET-EXPECTED'], category: 'edge cases' },
    { name: 'big', args: [['SECRET-INPUT'], 1], expected: ['SECRET-EXPECTED'], hidden: true, category: 'large input' },
    { name: 'uncategorised', args: [['SECRET-INPUT'], 1], expected: ['SECRET-EXPECTED'] },
  ],
};

describe('candidateView', () => {
  const view = candidateView(doc);

  it('keeps only the visible examples with their data', () => {
    expect(view.examples).toEqual([{ name: 'example 1', args: [[2, 7, 11, 15], 9], stdin: null, data: null, expected: [0, 1] }]);
  });

  it('counts hidden tests per category; an unset hidden flag means hidden', () => {
    expect(view.hiddenTests).toEqual([
      { category: 'edge cases', count: 2 },
      { category: 'large input', count: 1 },
      { category: 'hidden', count: 1 },
    ]);
  });

  it('never carries hidden inputs, expected values, names or reference solutions', () => {
    const text = JSON.stringify(view);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('negatives');
  });

  it('gives the function name, signature and starter per language; entryPoint is the default name', () => {
    const v = candidateView({
      ...doc,
      entryPoints: { python: 'two_sum' },
      signatures: { python: 'def two_sum(nums, target)' },
      starters: { python: 'def two_sum(nums, target):\n    pass\n' },
    });
    expect(v.languages).toEqual(['javascript', 'typescript', 'python']);
    expect(v.entryPoints).toEqual({ javascript: 'twoSum', typescript: 'twoSum', python: 'two_sum' });
    expect(v.signatures).toEqual({ python: 'def two_sum(nums, target)' });
    expect(v.starters.python).toContain('def two_sum');
    expect(v.schema).toBeNull();
  });

  it('shows an SQL problem its schema and the tables of visible examples, never of hidden tests', () => {
    const sql = candidateView({
      slug: 'never-paid',
      title: 'Never paid',
      statement: 'Find them.',
      mode: 'sql',
      schema: 'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);',
      referenceSolutions: [{ language: 'sql', source: 'SELECT SECRET' }],
      tests: [
        { name: 'example', hidden: false, data: { customers: [[1, 'Ada']] }, expected: { columns: ['id', 'name'], rows: [[1, 'Ada']] } },
        { name: 'nulls', category: 'nulls', data: { customers: [[2, 'SECRET-ROW']] }, expected: { columns: ['id'], rows: [['SECRET']] } },
      ],
    });
    expect(sql.languages).toEqual(['sql']);
    expect(sql.entryPoints).toEqual({});
    expect(sql.schema).toContain('CREATE TABLE customers');
    expect(sql.examples).toEqual([
      {
        name: 'example',
        args: null,
        stdin: null,
        data: { customers: [[1, 'Ada']] },
        expected: { columns: ['id', 'name'], rows: [[1, 'Ada']] },
      },
    ]);
    expect(sql.hiddenTests).toEqual([{ category: 'nulls', count: 1 }]);
    expect(JSON.stringify(sql)).not.toContain('SECRET');
  });
});
