import { ApplicationStage as S } from '@app/domain';
import { adverseImpact, ImpactRow } from './adverse-impact';

const rows = (group: string | null, n: number, reached: S[]): ImpactRow[] => Array.from({ length: n }, () => ({ group, reached: new Set(reached) }));
const OPTIONS = ['Woman', 'Man', 'Non-binary'];

describe('adverseImpact', () => {
  it('computes each step as a share of the previous step and flags ratios under four fifths', () => {
    const report = adverseImpact(
      OPTIONS,
      [
        ...rows('Man', 6, [S.SCREENED, S.ASSESSMENT]),
        ...rows('Man', 4, [S.SCREENED]),
        ...rows('Woman', 3, [S.SCREENED, S.ASSESSMENT]),
        ...rows('Woman', 5, [S.SCREENED]),
        ...rows('Woman', 2, []),
        ...rows(null, 7, [S.SCREENED]),
      ],
      5,
    );
    expect(report.notDisclosed).toBe(7);
    const screened = report.stages[0];
    expect(screened.stage).toBe(S.SCREENED);
    expect(screened.referenceGroup).toBe('Man');
    expect(screened.groups).toEqual([
      { group: 'Woman', considered: 10, selected: 8, rate: 0.8, impactRatio: 0.8, suppressed: false, belowFourFifths: false },
      { group: 'Man', considered: 10, selected: 10, rate: 1, impactRatio: 1, suppressed: false, belowFourFifths: false },
      { group: 'Non-binary', considered: 0, selected: 0, rate: null, impactRatio: null, suppressed: false, belowFourFifths: false },
    ]);
    // The assessment step's pool is who was screened: 3 of 8 women, 6 of 10 men.
    const assessment = report.stages[1];
    expect(assessment.groups.slice(0, 2)).toEqual([
      { group: 'Woman', considered: 8, selected: 3, rate: 0.375, impactRatio: 0.625, suppressed: false, belowFourFifths: true },
      { group: 'Man', considered: 10, selected: 6, rate: 0.6, impactRatio: 1, suppressed: false, belowFourFifths: false },
    ]);
    // The interview step's pool is 3 women (under 5) and 6 men: both hidden, or 3 = total - 6.
    expect(report.stages[2].referenceGroup).toBeNull();
    expect(report.stages[2].groups.slice(0, 2).map((g) => [g.group, g.suppressed, g.considered])).toEqual([
      ['Woman', true, null],
      ['Man', true, null],
    ]);
  });

  it('suppresses groups under the minimum, and one more when only one would be hidden', () => {
    const report = adverseImpact(OPTIONS, [...rows('Man', 9, [S.SCREENED]), ...rows('Woman', 6, [S.SCREENED]), ...rows('Non-binary', 2, [S.SCREENED])], 5);
    const groups = report.stages[0].groups;
    expect(groups.map((g) => [g.group, g.suppressed, g.considered])).toEqual([
      ['Woman', true, null], // the next smallest, hidden with Non-binary
      ['Man', false, 9],
      ['Non-binary', true, null],
    ]);
    expect(groups.every((g) => g.suppressed === (g.rate === null))).toBe(true);
    expect(report.explanation).toMatch(/fewer than 5 candidates/);
  });

  it('gives no reference group when no one was selected at a step', () => {
    const report = adverseImpact(OPTIONS, [...rows('Man', 6, [S.SCREENED]), ...rows('Woman', 5, [S.SCREENED])], 5);
    expect(report.stages[1].referenceGroup).toBeNull();
    expect(report.stages[1].groups[1]).toMatchObject({ considered: 6, selected: 0, rate: 0, impactRatio: null, belowFourFifths: false });
  });

  it('compares only groups that are shown: a hidden group is never the reference', () => {
    const report = adverseImpact(OPTIONS, [...rows('Non-binary', 1, [S.SCREENED]), ...rows('Woman', 2, [S.SCREENED]), ...rows('Man', 5, []), ...rows('Man', 5, [S.SCREENED])], 5);
    const screened = report.stages[0];
    expect(screened.referenceGroup).toBe('Man');
    expect(screened.groups.find((g) => g.group === 'Man')).toMatchObject({ rate: 0.5, impactRatio: 1 });
    expect(screened.groups.filter((g) => g.suppressed).map((g) => g.group)).toEqual(['Woman', 'Non-binary']);
  });
});
