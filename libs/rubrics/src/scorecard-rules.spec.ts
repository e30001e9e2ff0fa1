import {
  CitationKind,
  InterviewKind,
  Recommendation,
  RedFlagSeverity,
  RubricContent,
  RubricCriterion,
  ScorecardContent,
} from '@app/domain';
import { draftProblems, normalizeContent, ratingToUnit, submissionProblems, weightedRatings } from './scorecard-rules';

const source = { kind: CitationKind.FAQ, quote: 'Focus on fundamentals rather than specific frameworks.' };
const anchors = [1, 2, 3, 4].map((level) => ({ level, description: `Observable behaviour number ${level} of this criterion.` }));
const criterion = (key: string, kind: InterviewKind, weight = 1): RubricCriterion => ({
  key,
  title: key,
  lookFor: `Look for ${key}`,
  kind,
  weight,
  source,
  anchors,
});

const rubric: RubricContent = {
  criteria: [
    criterion('fundamentals', InterviewKind.CODING_FUNDAMENTALS, 3),
    criterion('problem-solving', InterviewKind.CODING_FUNDAMENTALS, 1),
    criterion('teamwork', InterviewKind.BEHAVIORAL),
  ],
  redFlags: [
    {
      key: 'poor-communication',
      title: 'Poor communication',
      description: 'Cannot make themselves understood',
      severity: RedFlagSeverity.HIGH,
      source,
    },
  ],
};
const CODING = InterviewKind.CODING_FUNDAMENTALS;
const card = (c: Partial<ScorecardContent>): ScorecardContent =>
  normalizeContent({ ratings: [], redFlags: [], recommendation: null, notes: '', ...c });
const complete = card({
  ratings: [
    { criterionKey: 'fundamentals', rating: 3, evidence: null },
    { criterionKey: 'problem-solving', rating: 2, evidence: '' },
  ],
  recommendation: Recommendation.YES,
});

describe('scorecard drafts', () => {
  it('may be incomplete', () => {
    expect(draftProblems(card({}), rubric, CODING)).toEqual([]);
    expect(draftProblems(card({ ratings: [{ criterionKey: 'fundamentals', rating: 4, evidence: null }] }), rubric, CODING)).toEqual([]);
  });

  it('refuses criteria of another kind or rubric, repeated ratings, ratings off the 1-4 scale and unknown red flags', () => {
    const draft = card({
      ratings: [
        { criterionKey: 'teamwork', rating: 3, evidence: null },
        { criterionKey: 'fundamentals', rating: 0, evidence: null },
        { criterionKey: 'fundamentals', rating: 2.5, evidence: null },
        { criterionKey: 'nope', rating: 5, evidence: null },
      ],
      redFlags: [{ key: 'arrogance', evidence: 'x' }],
    });
    expect(draftProblems(draft, rubric, CODING)).toEqual([
      { field: 'ratings.0.criterionKey', message: '"teamwork" is not a CODING_FUNDAMENTALS criterion of this rubric version' },
      { field: 'ratings.1.rating', message: 'must be 1, 2, 3 or 4, or null for "not observed"' },
      { field: 'ratings.2.criterionKey', message: '"fundamentals" is already rated by ratings.1' },
      { field: 'ratings.2.rating', message: 'must be 1, 2, 3 or 4, or null for "not observed"' },
      { field: 'ratings.3.criterionKey', message: '"nope" is not a CODING_FUNDAMENTALS criterion of this rubric version' },
      { field: 'ratings.3.rating', message: 'must be 1, 2, 3 or 4, or null for "not observed"' },
      { field: 'redFlags.0.key', message: '"arrogance" is not a red flag of this rubric version' },
    ]);
  });
});

describe('scorecard submission', () => {
  it('accepts every criterion of the kind rated, with a recommendation', () => {
    expect(submissionProblems(complete, rubric, CODING)).toEqual([]);
  });

  it('requires evidence for ratings of 1 and 4, and only for those', () => {
    const c = card({
      ...complete,
      ratings: [
        { criterionKey: 'fundamentals', rating: 4, evidence: '   ' },
        { criterionKey: 'problem-solving', rating: 1, evidence: null },
      ],
    });
    expect(submissionProblems(c, rubric, CODING)).toEqual([
      { field: 'ratings.0.evidence', message: 'a rating of 4 needs evidence: what did the candidate say or do?' },
      { field: 'ratings.1.evidence', message: 'a rating of 1 needs evidence: what did the candidate say or do?' },
    ]);
    const withEvidence = card({
      ...complete,
      ratings: [
        { criterionKey: 'fundamentals', rating: 4, evidence: 'Explained hash collisions and chose open addressing with reasons' },
        { criterionKey: 'problem-solving', rating: 1, evidence: 'Started coding before reading the input format; never tested' },
      ],
    });
    expect(submissionProblems(withEvidence, rubric, CODING)).toEqual([]);
  });

  it('requires every criterion of the kind, evidence for each red flag and a recommendation', () => {
    const c = card({
      ratings: [{ criterionKey: 'fundamentals', rating: 2, evidence: null }],
      redFlags: [{ key: 'poor-communication', evidence: ' ' }],
    });
    expect(submissionProblems(c, rubric, CODING)).toEqual([
      { field: 'ratings', message: 'every CODING_FUNDAMENTALS criterion needs a rating or "not observed" (rating null); missing: problem-solving' },
      { field: 'redFlags.0.evidence', message: 'a red flag needs evidence: what did the candidate say or do?' },
      { field: 'recommendation', message: 'is required: STRONG_NO, NO, YES or STRONG_YES' },
    ]);
  });

  it('accepts "not observed" (rating null) for a criterion, without evidence', () => {
    const c = card({
      ...complete,
      ratings: [
        { criterionKey: 'fundamentals', rating: 3, evidence: null },
        { criterionKey: 'problem-solving', rating: null, evidence: null },
      ],
    });
    expect(submissionProblems(c, rubric, CODING)).toEqual([]);
  });

  it('refuses a submission when the rubric version has no criteria of the kind (an edit removed them)', () => {
    expect(submissionProblems(card({ recommendation: Recommendation.NO }), rubric, InterviewKind.SYSTEM_DESIGN)).toEqual([
      {
        field: 'ratings',
        message: 'this rubric version has no SYSTEM_DESIGN criteria left to rate: ask a recruiter to reschedule the interview',
      },
    ]);
  });
});

describe('weighted ratings', () => {
  it('maps 1-4 onto 0-1', () => {
    expect([1, 2, 3, 4].map(ratingToUnit)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('weighs each rating by its criterion', () => {
    // fundamentals (weight 3) at 4 -> 1, problem-solving (weight 1) at 2 -> 1/3: (3 + 1/3) / 4 = 0.8333
    const r = weightedRatings(rubric.criteria, [
      { criterionKey: 'problem-solving', rating: 2, evidence: null },
      { criterionKey: 'fundamentals', rating: 4, evidence: 'x' },
      { criterionKey: 'removed-since', rating: 1, evidence: 'x' },
    ]);
    expect(r.score).toBe(0.8333);
    expect(r.ratings.map((x) => [x.criterionKey, x.weight, x.unit])).toEqual([
      ['fundamentals', 3, 1],
      ['problem-solving', 1, 1 / 3],
    ]);
    expect(weightedRatings(rubric.criteria, []).score).toBeNull();
  });

  it('leaves "not observed" criteria out of the mean (missing evidence, not a zero)', () => {
    const r = weightedRatings(rubric.criteria, [
      { criterionKey: 'fundamentals', rating: 4, evidence: 'x' },
      { criterionKey: 'problem-solving', rating: null, evidence: null },
    ]);
    expect(r.score).toBe(1);
    expect(r.ratings.map((x) => [x.criterionKey, x.rating, x.unit])).toEqual([
      ['fundamentals', 4, 1],
      ['problem-solving', null, null],
    ]);
    expect(weightedRatings(rubric.criteria, [{ criterionKey: 'fundamentals', rating: null, evidence: null }]).score).toBeNull();
  });
});
