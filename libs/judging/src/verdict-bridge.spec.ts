import { Verdict } from '@app/domain';
import { STATUSES, type Status } from '@app/sandbox';
import { toVerdict } from './verdict-bridge';

describe('verdict bridge', () => {
  it('maps every judge status to the platform verdict of the same name', () => {
    for (const s of STATUSES) expect(toVerdict(s)).toBe(Verdict[s]);
  });

  it('the platform and the judge know the same set of verdicts', () => {
    expect(new Set(STATUSES.map(toVerdict))).toEqual(new Set(Object.values(Verdict)));
    expect(Object.values(Verdict)).toHaveLength(STATUSES.length);
  });

  it('refuses a status the judge does not define', () => {
    expect(() => toVerdict('PRESENTATION_ERROR' as Status)).toThrow('Unknown judge status PRESENTATION_ERROR');
  });
});
