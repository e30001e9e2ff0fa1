/** Shorter than this, an anchor cannot describe what the candidate does. */
export const ANCHOR_MIN_CHARS = 25;
export const ANCHOR_MAX_CHARS = 500;

/**
 * Rating vocabulary: words that judge without describing. An anchor made only of these ("very
 * good", "below average performance", "meets expectations") tells two interviewers nothing
 * they would agree on, which is what anchors are for.
 */
const RATING_WORDS = new Set(
  (
    'good poor excellent bad average fair great weak strong outstanding exceptional satisfactory unsatisfactory acceptable unacceptable ' +
    'adequate inadequate okay ok fine superb terrible awful mediocre solid decent competent incompetent sufficient insufficient ' +
    'below above meets meet exceeds exceed expectations expectation standard level levels performance performs rating score ' +
    'very really quite somewhat extremely highly mostly fairly not no overall candidate the a an is was and or of at for ' +
    'one two three four na n'
  ).split(' '),
);

/** At least this many words outside the rating vocabulary: an anchor must say what happens. */
const MIN_DESCRIPTIVE_WORDS = 3;

/**
 * Why an anchor is not a sentence of observable behaviour, or null when it is one: too short,
 * or a generic label such as "good" or "below average".
 */
export function anchorProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return 'must describe what the candidate does at this level';
  const words = t
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const descriptive = words.filter((w) => !RATING_WORDS.has(w));
  if (descriptive.length < MIN_DESCRIPTIVE_WORDS) {
    return `"${t}" is a generic label, not an anchor: describe the behaviour an interviewer observes at this level`;
  }
  if (t.length < ANCHOR_MIN_CHARS) {
    return `must be a sentence of observable behaviour (at least ${ANCHOR_MIN_CHARS} characters)`;
  }
  if (t.length > ANCHOR_MAX_CHARS) return `must be at most ${ANCHOR_MAX_CHARS} characters`;
  return null;
}
