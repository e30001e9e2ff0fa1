import { CitationKind, InterviewKind, RedFlagSeverity } from '@app/domain';
import { CITATION_KINDS, INTERVIEW_KINDS, RED_FLAG_SEVERITIES } from '@app/contracts';
import { parseRubricContent } from './rubric-content.schema';

// The shared schema (@app/contracts) cannot import the domain's enums; these bridge the two.
describe('rubric schema and domain enums', () => {
  it.each([
    ['InterviewKind', InterviewKind, INTERVIEW_KINDS],
    ['CitationKind', CitationKind, CITATION_KINDS],
    ['RedFlagSeverity', RedFlagSeverity, RED_FLAG_SEVERITIES],
  ] as const)('%s has the values the shared schema lists', (_name, e, values) => {
    expect([...values].sort()).toEqual(Object.values(e).sort());
  });

  it('parses into domain enum values', () => {
    const anchors = [1, 2, 3, 4].map((level) => ({
      level,
      description: `The candidate explains step ${level} of the solution with an example`,
    }));
    const r = parseRubricContent({
      criteria: [
        {
          key: 'clarity',
          title: 'Clarity',
          lookFor: 'Explains the approach',
          kind: 'SYSTEM_DESIGN',
          weight: 1,
          source: { kind: 'FAQ', quote: 'We value clear explanations of trade-offs.' },
          anchors,
        },
      ],
      redFlags: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.content.criteria[0].kind).toBe(InterviewKind.SYSTEM_DESIGN);
    expect(r.content.criteria[0].source.kind).toBe(CitationKind.FAQ);
  });
});
