import { AppError } from '@app/common';
import { ActorRole, HIRING_MANAGERS, STAFF_ROLES } from '@app/domain';

/**
 * Whoever acts on jobs and applications. The API passes the authenticated user ({ id, role }
 * fits as is); the platform itself acts as SYSTEM_ACTOR.
 */
export interface HiringActor {
  id: string | null;
  /** A Role, or 'SYSTEM'. */
  role: string;
}

export const SYSTEM_ACTOR: HiringActor = Object.freeze({ id: null, role: ActorRole.SYSTEM });

/** Who manages jobs, overrides screening and moves applications (the list lives in @app/domain). */
export { HIRING_MANAGERS } from '@app/domain';

const ROLES = new Set<string>(Object.values(ActorRole));

const STAFF = new Set<string>(STAFF_ROLES);
const MANAGERS = new Set<string>(HIRING_MANAGERS);

/** The actor's role, checked: an unknown role, or a person without an id, is a programming error. */
export function actorRole(actor: HiringActor): ActorRole {
  if (!ROLES.has(actor.role)) throw new Error(`Unknown actor role ${actor.role}`);
  const role = actor.role as ActorRole;
  if (role !== ActorRole.SYSTEM && !actor.id) throw new Error(`A ${role} actor needs an id`);
  return role;
}

/** Admins, recruiters and interviewers: they read every job and application. */
export function isStaff(actor: HiringActor | undefined): boolean {
  return !!actor && STAFF.has(actor.role);
}

/** The manager's user id; FORBIDDEN for anyone but recruiters and admins (people only: a job or an override always names who decided). */
export function requireManager(actor: HiringActor): string {
  const role = actorRole(actor);
  if (!MANAGERS.has(role) || !actor.id) {
    throw AppError.forbidden('Only recruiters and admins can do this');
  }
  return actor.id;
}

export const REASON_MAX = 1000;

function checkedReason(reason: string | null | undefined, field: string): string {
  const r = reason?.trim() ?? '';
  if (r.length > REASON_MAX) throw AppError.badInput([{ field, message: `must be at most ${REASON_MAX} characters` }]);
  return r;
}

/** The trimmed reason, or BAD_USER_INPUT naming `field` when it is missing or too long. */
export function requiredReason(reason: string | null | undefined, field = 'reason'): string {
  const r = checkedReason(reason, field);
  if (!r) throw AppError.badInput([{ field, message: 'a reason is required' }]);
  return r;
}

/** The trimmed reason, null when none was given; BAD_USER_INPUT when too long. */
export function optionalReason(reason: string | null | undefined, field = 'reason'): string | null {
  return checkedReason(reason, field) || null;
}
