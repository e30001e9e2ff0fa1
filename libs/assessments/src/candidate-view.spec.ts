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
    expect(view.examples).toEqual([{ name: 'example 1', args: [[2, 7, 11, 15], 9], stdin: null, expected: [0, 1] }]);
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
});
