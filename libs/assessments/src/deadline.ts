/**
 * Deadline arithmetic, pure so it is pinned by unit tests with a fixed clock.
 * deadline = startedAt + duration x (1 + extra%); submissions are accepted until the deadline
 * plus a small grace for requests already in flight when time ran out.
 */
export const SUBMISSION_GRACE_MS = 5_000;

export function computeDeadline(startedAt: Date, durationMinutes: number, extraTimePercent: number): Date {
  const ms = durationMinutes * 60_000 * (1 + extraTimePercent / 100);
  return new Date(startedAt.getTime() + Math.round(ms));
}

export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

export function acceptsSubmissions(deadline: Date, now: Date, graceMs = SUBMISSION_GRACE_MS): boolean {
  return now.getTime() <= deadline.getTime() + graceMs;
}

/** Days an invitation stays open to start unless the recruiter sets otherwise. */
export const INVITATION_VALID_DAYS = 7;

/** An invitation never started whose expiry has passed: the assessment was not taken. */
export function invitationExpired(a: { startedAt: Date | null; invitationExpiresAt: Date | null }, now: Date): boolean {
  return a.startedAt === null && a.invitationExpiresAt !== null && now.getTime() >= a.invitationExpiresAt.getTime();
}
