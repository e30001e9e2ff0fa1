import { AttemptEntity, AttemptEventEntity, AttemptEventType, Role } from '@app/domain';
import { TIMELINE_LIMITS } from './timeline-limits';

/** Counts a reviewer reads first. Evidence to look into, never a verdict. */
export interface TimelineCounts {
  pastes: number;
  /** Pastes of at least TIMELINE_LIMITS.largePasteChars characters. */
  largePastes: number;
  /** Pastes whose text was not copied inside the assessment page. */
  externalPastes: number;
  largestPasteChars: number;
  focusLosses: number;
  runs: number;
  customInputRuns: number;
  submits: number;
  connectionLosses: number;
}

export interface ManagerTimelineSummary extends TimelineCounts {
  /** Seconds between the start and the end of the attempt with the page in focus. */
  activeSeconds: number;
  text: string;
}

export interface InterviewerTimelineSummary extends TimelineCounts {
  /** Share (0-100) of the candidate's allowed time with the page in focus. */
  activePercent: number;
  text: string;
}

interface EventDetails {
  type: AttemptEventType;
  problemId: string | null;
  chars: number | null;
  lines: number | null;
  external: boolean | null;
  customInput: boolean | null;
  cause: string | null;
}

/** Recruiters and admins: absolute times and offsets from the start. */
export interface ManagerTimelineEvent extends EventDetails {
  at: Date;
  offsetSeconds: number;
}

/**
 * Interviewers: where in the candidate's own allowed time an event happened (0-100). Never a
 * time or a duration: seconds past the standard duration would reveal extra time.
 */
export interface InterviewerTimelineEvent extends EventDetails {
  elapsedPercent: number;
}

export interface ManagerTimelineView {
  attemptId: string;
  startedAt: Date | null;
  endedAt: Date | null;
  events: ManagerTimelineEvent[];
  summary: ManagerTimelineSummary;
}

/** No startedAt, endedAt, deadline or extra time: the type cannot carry them. */
export interface InterviewerTimelineView {
  attemptId: string;
  events: InterviewerTimelineEvent[];
  summary: InterviewerTimelineSummary;
}

export type TimelineAudience = 'MANAGER' | 'INTERVIEWER';

/** Who reads timelines: hiring managers always, interviewers where the job allows it, nobody else. */
export function timelineAudience(role: Role, jobAllowsInterviewers: boolean): TimelineAudience | null {
  if (role === Role.ADMIN || role === Role.RECRUITER) return 'MANAGER';
  if (role === Role.INTERVIEWER && jobAllowsInterviewers) return 'INTERVIEWER';
  return null;
}

/** Where the attempt's clock stops: its finish, or the deadline, or now while it runs. */
export function attemptEnd(a: Pick<AttemptEntity, 'finishedAt' | 'deadline'>, now: Date): Date {
  if (a.finishedAt) return a.finishedAt;
  if (a.deadline && a.deadline < now) return a.deadline;
  return now;
}

export function countEvents(events: readonly Pick<AttemptEventEntity, 'type' | 'data'>[]): TimelineCounts {
  const c: TimelineCounts = { pastes: 0, largePastes: 0, externalPastes: 0, largestPasteChars: 0, focusLosses: 0, runs: 0, customInputRuns: 0, submits: 0, connectionLosses: 0 };
  for (const e of events) {
    switch (e.type) {
      case AttemptEventType.PASTE: {
        const chars = e.data?.chars ?? 0;
        c.pastes++;
        if (chars >= TIMELINE_LIMITS.largePasteChars) c.largePastes++;
        if (e.data?.external) c.externalPastes++;
        c.largestPasteChars = Math.max(c.largestPasteChars, chars);
        break;
      }
      case AttemptEventType.FOCUS_LOST:
        c.focusLosses++;
        break;
      case AttemptEventType.RUN:
        c.runs++;
        if (e.data?.customInput) c.customInputRuns++;
        break;
      case AttemptEventType.SUBMIT:
        c.submits++;
        break;
      case AttemptEventType.CONNECTION_LOST:
        c.connectionLosses++;
        break;
      case AttemptEventType.PROBLEM_OPENED:
      case AttemptEventType.FOCUS_REGAINED:
      case AttemptEventType.CONNECTION_RESTORED:
        break;
    }
  }
  return c;
}

/**
 * Milliseconds between start and end with the page in focus: from each FOCUS_LOST to the next
 * FOCUS_REGAINED (or the end) counts as away. Events must be in time order.
 */
export function activeMs(events: readonly Pick<AttemptEventEntity, 'type' | 'occurredAt'>[], start: Date, end: Date): number {
  const total = Math.max(0, end.getTime() - start.getTime());
  let away = 0;
  let lostAt: number | null = null;
  const clamp = (t: number) => Math.min(end.getTime(), Math.max(start.getTime(), t));
  for (const e of events) {
    const t = clamp(e.occurredAt.getTime());
    if (e.type === AttemptEventType.FOCUS_LOST && lostAt === null) lostAt = t;
    else if (e.type === AttemptEventType.FOCUS_REGAINED && lostAt !== null) {
      away += t - lostAt;
      lostAt = null;
    }
  }
  if (lostAt !== null) away += end.getTime() - lostAt;
  return Math.max(0, total - away);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function countsText(c: TimelineCounts): string[] {
  return [
    `${plural(c.largePastes, 'paste')} of ${TIMELINE_LIMITS.largePasteChars}+ characters (${plural(c.pastes, 'paste')} in all, ${c.externalPastes} from outside the page)`,
    plural(c.focusLosses, 'focus loss', 'focus losses'),
    `${plural(c.runs, 'run')} (${c.customInputRuns} with custom input)`,
    plural(c.submits, 'submission'),
    plural(c.connectionLosses, 'connection loss', 'connection losses'),
  ];
}

function details(e: AttemptEventEntity): EventDetails {
  return {
    type: e.type,
    problemId: e.problemId,
    chars: e.data?.chars ?? null,
    lines: e.data?.lines ?? null,
    external: e.data?.external ?? null,
    customInput: e.data?.customInput ?? null,
    cause: e.data?.cause ?? null,
  };
}

export function managerTimelineView(attempt: AttemptEntity, events: readonly AttemptEventEntity[], now: Date): ManagerTimelineView {
  const start = attempt.startedAt;
  const end = start ? attemptEnd(attempt, now) : null;
  const counts = countEvents(events);
  const activeSeconds = start && end ? Math.round(activeMs(events, start, end) / 1000) : 0;
  const minutes = Math.round(activeSeconds / 60);
  return {
    attemptId: attempt.id,
    startedAt: start,
    endedAt: end,
    events: events.map((e) => ({ ...details(e), at: e.occurredAt, offsetSeconds: start ? Math.max(0, Math.round((e.occurredAt.getTime() - start.getTime()) / 1000)) : 0 })),
    summary: { ...counts, activeSeconds, text: [...countsText(counts), activeSeconds < 60 ? `${plural(activeSeconds, 'second')} active` : `${plural(minutes, 'minute')} active`].join(', ') },
  };
}

export function interviewerTimelineView(attempt: AttemptEntity, events: readonly AttemptEventEntity[], now: Date): InterviewerTimelineView {
  const start = attempt.startedAt;
  // The candidate's own allowed time (extra time included), so a percentage never reveals it.
  const allowed = start && attempt.deadline ? Math.max(1, attempt.deadline.getTime() - start.getTime()) : 1;
  const pct = (ms: number) => Math.min(100, Math.max(0, Math.round((ms / allowed) * 100)));
  const counts = countEvents(events);
  const activePercent = start ? pct(activeMs(events, start, attemptEnd(attempt, now))) : 0;
  return {
    attemptId: attempt.id,
    events: events.map((e) => ({ ...details(e), elapsedPercent: start ? pct(e.occurredAt.getTime() - start.getTime()) : 0 })),
    summary: { ...counts, activePercent, text: [...countsText(counts), `active ${activePercent}% of the allowed time`].join(', ') },
  };
}
