import { ScreeningOutcome as O } from '@app/domain';
import { knockoutReasons } from './applications.service';

const reasons = ['Knock-out: not authorized to work in the country of employment'];

describe('knockoutReasons (what a candidate reads about a rejection)', () => {
  it('shows the knock-out reasons while the automatic rejection is in force', () => {
    expect(knockoutReasons({ autoOutcome: O.REJECTED, outcome: O.REJECTED, screeningReasons: reasons })).toEqual(reasons);
  });

  it('hides them once an override lets the application through', () => {
    expect(knockoutReasons({ autoOutcome: O.REJECTED, outcome: O.PASSED, screeningReasons: reasons })).toEqual([]);
    expect(knockoutReasons({ autoOutcome: O.REJECTED, outcome: O.REVIEW, screeningReasons: reasons })).toEqual([]);
  });

  it('never shows the reasons of a screening that did not reject automatically', () => {
    expect(knockoutReasons({ autoOutcome: O.PASSED, outcome: O.REJECTED, screeningReasons: ['All knock-out questions passed; ...'] })).toEqual([]);
    expect(knockoutReasons({ autoOutcome: O.REVIEW, outcome: O.REVIEW, screeningReasons: ['Review: ...'] })).toEqual([]);
  });
});
