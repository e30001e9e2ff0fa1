import { ActorRole, ApplicationStage } from '@app/domain';

const S = ApplicationStage;

/**
 * Where an application can go from each stage. Forward only, except another interview round
 * after shortlisting. OFFER, REJECTED and WITHDRAWN are final: only a screening override
 * reopens a screening rejection (see reopenAfterOverride), never a stage move.
 */
export const STAGE_TRANSITIONS: Readonly<Record<ApplicationStage, readonly ApplicationStage[]>> = {
  [S.APPLIED]: [S.SCREENED, S.REJECTED, S.WITHDRAWN],
  [S.SCREENED]: [S.ASSESSMENT, S.INTERVIEW, S.SHORTLISTED, S.REJECTED, S.WITHDRAWN],
  [S.ASSESSMENT]: [S.INTERVIEW, S.SHORTLISTED, S.REJECTED, S.WITHDRAWN],
  [S.INTERVIEW]: [S.SHORTLISTED, S.OFFER, S.REJECTED, S.WITHDRAWN],
  [S.SHORTLISTED]: [S.INTERVIEW, S.OFFER, S.REJECTED, S.WITHDRAWN],
  [S.OFFER]: [],
  [S.REJECTED]: [],
  [S.WITHDRAWN]: [],
};

export const FINAL_STAGES: readonly ApplicationStage[] = [S.OFFER, S.REJECTED, S.WITHDRAWN];

/** Where an application rejected at screening goes when an override lets it through. */
export const REOPEN_STAGE = S.SCREENED;

export type TransitionCheck = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'FAILED_PRECONDITION'; message: string };

/**
 * May this actor move an application from `from` to `to`? Candidates only withdraw (their own
 * application: ownership is the caller's check); interviewers read but never move; recruiters,
 * admins and the platform make every other move. Withdrawing is the candidate's act alone:
 * staff reject instead.
 */
export function checkTransition(from: ApplicationStage, to: ApplicationStage, actor: ActorRole): TransitionCheck {
  switch (actor) {
    case ActorRole.INTERVIEWER:
      return { ok: false, code: 'FORBIDDEN', message: 'Interviewers cannot move applications' };
    case ActorRole.CANDIDATE:
      if (to !== S.WITHDRAWN) return { ok: false, code: 'FORBIDDEN', message: 'A candidate can only withdraw their application' };
      break;
    case ActorRole.ADMIN:
    case ActorRole.RECRUITER:
    case ActorRole.SYSTEM:
      if (to === S.WITHDRAWN) return { ok: false, code: 'FORBIDDEN', message: 'Only the candidate can withdraw an application; reject it instead' };
      break;
  }
  if (from === to) return { ok: false, code: 'FAILED_PRECONDITION', message: `The application is already at stage ${to}` };
  if (FINAL_STAGES.includes(from)) return { ok: false, code: 'FAILED_PRECONDITION', message: `The application is ${from}, which is final` };
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: `An application cannot move from ${from} to ${to} (allowed: ${STAGE_TRANSITIONS[from].join(', ')})` };
  }
  return { ok: true };
}
