import { InterviewStatus, Role, ScorecardStatus } from '@app/domain';
import { othersVisible, readableScorecards } from './access';

const me = { id: 'me', role: Role.INTERVIEWER };
const recruiter = { id: 'rec', role: Role.RECRUITER };
const iv = (interviewerId: string, status: InterviewStatus) => ({ interviewerId, status });
const cards = [
  { id: 'mine', interviewerId: 'me', status: ScorecardStatus.DRAFT },
  { id: 'theirs-submitted', interviewerId: 'other', status: ScorecardStatus.SUBMITTED },
  { id: 'theirs-draft', interviewerId: 'third', status: ScorecardStatus.DRAFT },
];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('the blind rule', () => {
  it('shows an interviewer only their own scorecard until they submitted one for the application', () => {
    expect(othersVisible(me, [])).toBe(false);
    expect(othersVisible(me, [iv('me', InterviewStatus.SCHEDULED), iv('other', InterviewStatus.COMPLETED)])).toBe(false);
    expect(ids(readableScorecards(me, cards, [iv('me', InterviewStatus.SCHEDULED)]))).toEqual(['mine']);
    // A cancelled interview is not a submission.
    expect(othersVisible(me, [iv('me', InterviewStatus.CANCELLED)])).toBe(false);
  });

  it("then shows others' submitted scorecards, never their drafts", () => {
    const mine = [iv('me', InterviewStatus.COMPLETED)];
    expect(othersVisible(me, mine)).toBe(true);
    expect(ids(readableScorecards(me, cards, mine))).toEqual(['mine', 'theirs-submitted']);
  });

  it('hides again while a second interview of the same interviewer is pending', () => {
    expect(othersVisible(me, [iv('me', InterviewStatus.COMPLETED), iv('me', InterviewStatus.SCHEDULED)])).toBe(false);
  });

  it('lets recruiters and admins read all, drafts included, unless they interview the candidate themselves and have not submitted', () => {
    expect(ids(readableScorecards(recruiter, cards, []))).toEqual(['mine', 'theirs-submitted', 'theirs-draft']);
    expect(ids(readableScorecards({ id: 'adm', role: Role.ADMIN }, cards, [iv('other', InterviewStatus.SCHEDULED)]))).toEqual([
      'mine',
      'theirs-submitted',
      'theirs-draft',
    ]);
    expect(ids(readableScorecards({ id: 'other', role: Role.RECRUITER }, cards, [iv('other', InterviewStatus.SCHEDULED)]))).toEqual([
      'theirs-submitted',
    ]);
  });
});
