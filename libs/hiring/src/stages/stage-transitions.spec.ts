import { ActorRole, ApplicationStage as S } from '@app/domain';
import { checkTransition, FINAL_STAGES, STAGE_TRANSITIONS } from './stage-transitions';

const ALL = Object.values(S);

describe('stage transitions', () => {
  it('lets staff move forward through the pipeline', () => {
    for (const [from, to] of [
      [S.APPLIED, S.SCREENED],
      [S.SCREENED, S.ASSESSMENT],
      [S.ASSESSMENT, S.INTERVIEW],
      [S.INTERVIEW, S.SHORTLISTED],
      [S.SHORTLISTED, S.OFFER],
      [S.SHORTLISTED, S.INTERVIEW],
      [S.SCREENED, S.INTERVIEW],
    ] as const) {
      expect(checkTransition(from, to, ActorRole.RECRUITER)).toEqual({ ok: true });
      expect(checkTransition(from, to, ActorRole.ADMIN)).toEqual({ ok: true });
    }
  });

  it('lets staff and the platform reject from every open stage', () => {
    for (const from of ALL.filter((s) => !FINAL_STAGES.includes(s))) {
      expect(checkTransition(from, S.REJECTED, ActorRole.RECRUITER)).toEqual({ ok: true });
      expect(checkTransition(from, S.REJECTED, ActorRole.SYSTEM)).toEqual({ ok: true });
    }
  });

  it('refuses backward moves and skips the table does not list', () => {
    expect(checkTransition(S.INTERVIEW, S.ASSESSMENT, ActorRole.RECRUITER)).toEqual({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: 'An application cannot move from INTERVIEW to ASSESSMENT (allowed: SHORTLISTED, OFFER, REJECTED, WITHDRAWN)',
    });
    expect(checkTransition(S.SCREENED, S.OFFER, ActorRole.ADMIN)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(checkTransition(S.ASSESSMENT, S.APPLIED, ActorRole.ADMIN)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('never moves out of OFFER, REJECTED or WITHDRAWN, whoever asks', () => {
    for (const from of FINAL_STAGES) {
      expect(STAGE_TRANSITIONS[from]).toEqual([]);
      for (const to of ALL.filter((s) => s !== from && s !== S.WITHDRAWN)) {
        expect(checkTransition(from, to, ActorRole.ADMIN)).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: `The application is ${from}, which is final` });
      }
      if (from !== S.WITHDRAWN) expect(checkTransition(from, S.WITHDRAWN, ActorRole.CANDIDATE)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    }
  });

  it('refuses a move to the stage the application is already at', () => {
    expect(checkTransition(S.ASSESSMENT, S.ASSESSMENT, ActorRole.RECRUITER)).toEqual({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: 'The application is already at stage ASSESSMENT',
    });
  });

  it('lets a candidate withdraw from any open stage, and do nothing else', () => {
    for (const from of ALL.filter((s) => !FINAL_STAGES.includes(s))) {
      expect(checkTransition(from, S.WITHDRAWN, ActorRole.CANDIDATE)).toEqual({ ok: true });
      for (const to of ALL.filter((s) => s !== S.WITHDRAWN)) {
        expect(checkTransition(from, to, ActorRole.CANDIDATE)).toEqual({ ok: false, code: 'FORBIDDEN', message: 'A candidate can only withdraw their application' });
      }
    }
  });

  it('keeps withdrawal to the candidate and every move away from interviewers', () => {
    expect(checkTransition(S.SCREENED, S.WITHDRAWN, ActorRole.RECRUITER)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(S.SCREENED, S.WITHDRAWN, ActorRole.SYSTEM)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    for (const to of ALL) expect(checkTransition(S.SCREENED, to, ActorRole.INTERVIEWER)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
