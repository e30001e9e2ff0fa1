import { anchorProblem } from './anchors';

describe('anchorProblem', () => {
  it.each([
    'good',
    'Poor',
    'Excellent!',
    'bad',
    'average',
    'Very good',
    'Below average performance',
    'Meets expectations',
    'Exceeds expectations at this level',
    'Good, very good, excellent, outstanding',
    'The candidate is strong and not weak overall',
  ])('refuses the generic label %j', (label) => {
    expect(anchorProblem(label)).toMatch(/generic label/);
  });

  it('refuses an empty anchor and one shorter than 25 characters', () => {
    expect(anchorProblem('   ')).toBe('must describe what the candidate does at this level');
    expect(anchorProblem('Writes code fast')).toBe('must be a sentence of observable behaviour (at least 25 characters)');
  });

  it('refuses an anchor longer than 500 characters', () => {
    expect(anchorProblem(`Explains ${'each step '.repeat(60)}`)).toBe('must be at most 500 characters');
  });

  it.each([
    'Cannot name a data structure that fits the problem, even with hints.',
    'Picks a hash map unprompted and explains the O(1) lookup it buys.',
    'Asks clarifying questions before coding and tests edge cases aloud.',
    // Rating words are fine inside a description of behaviour.
    'Gives a good example of a bug they traced from logs to the root cause.',
  ])('accepts the behavioural anchor %j', (anchor) => {
    expect(anchorProblem(anchor)).toBeNull();
  });
});
