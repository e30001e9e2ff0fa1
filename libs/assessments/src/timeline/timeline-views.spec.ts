import { AttemptEntity, AttemptEventEntity, AttemptEventType as T, AttemptStatus, Role } from '@app/domain';
import { activeMs, interviewerTimelineView, managerTimelineView, timelineAudience } from './timeline-views';

const start = new Date('2026-11-30T10:00:00Z');
const min = (m: number) => new Date(start.getTime() + m * 60_000);
// A 60-minute assessment with 50% extra time: 90 minutes allowed, finished at minute 80.
const attempt = { id: 'a1', startedAt: start, deadline: min(90), finishedAt: min(80), status: AttemptStatus.FINISHED, extraTimePercent: 50 } as AttemptEntity;
const ev = (m: number, type: T, data: AttemptEventEntity['data'] = null) => ({ occurredAt: min(m), type, data, problemId: null }) as AttemptEventEntity;
const events = [
  ev(1, T.PROBLEM_OPENED),
  ev(2, T.PASTE, { chars: 350, lines: 12, external: true }),
  ev(3, T.PASTE, { chars: 20, lines: 1, external: false }),
  ev(10, T.FOCUS_LOST, { cause: 'hidden' }),
  ev(20, T.FOCUS_REGAINED),
  ev(30, T.RUN, { customInput: true }),
  ev(70, T.FOCUS_LOST, { cause: 'blur' }),
  ev(75, T.SUBMIT),
];

describe('timeline views', () => {
  it('counts time away from the first focus loss to the regain, or to the end', () => {
    // 80 minutes, away 10-20 and 70-80 (never regained): 60 minutes active.
    expect(activeMs(events, start, min(80))).toBe(60 * 60_000);
    // A regain without a loss, and a second loss while away, change nothing.
    expect(activeMs([ev(5, T.FOCUS_REGAINED), ev(6, T.FOCUS_LOST), ev(7, T.FOCUS_LOST), ev(8, T.FOCUS_REGAINED)], start, min(10))).toBe(8 * 60_000);
  });

  it('gives managers times, offsets and a summary in words', () => {
    const v = managerTimelineView(attempt, events, min(200));
    expect(v.endedAt).toEqual(min(80));
    expect(v.events[1]).toMatchObject({ at: min(2), offsetSeconds: 120, chars: 350, external: true });
    expect(v.summary).toMatchObject({ pastes: 2, largePastes: 1, externalPastes: 1, largestPasteChars: 350, focusLosses: 2, runs: 1, customInputRuns: 1, submits: 1, activeSeconds: 3600 });
    expect(v.summary.text).toBe(
      '1 paste of 200+ characters (2 pastes in all, 1 from outside the page), 2 focus losses, 1 run (1 with custom input), 1 submission, 0 connection losses, 60 minutes active',
    );
  });

  it('gives interviewers positions in the allowed time only, which hide the extra time', () => {
    const v = interviewerTimelineView(attempt, events, min(200));
    expect(Object.keys(v).sort()).toEqual(['attemptId', 'events', 'summary']);
    // Minute 75 of 90 allowed: 83%, never "75 minutes" (past the standard 60).
    expect(v.events.map((e) => e.elapsedPercent)).toEqual([1, 2, 3, 11, 22, 33, 78, 83]);
    for (const e of v.events) expect(e).not.toHaveProperty('at');
    expect(v.summary.activePercent).toBe(67);
    expect(v.summary).not.toHaveProperty('activeSeconds');
    expect(v.summary.text).toMatch(/active 67% of the allowed time$/);
  });

  it('lets managers read, interviewers only where the job allows it, and nobody else', () => {
    expect(timelineAudience(Role.RECRUITER, false)).toBe('MANAGER');
    expect(timelineAudience(Role.ADMIN, false)).toBe('MANAGER');
    expect(timelineAudience(Role.INTERVIEWER, false)).toBeNull();
    expect(timelineAudience(Role.INTERVIEWER, true)).toBe('INTERVIEWER');
    expect(timelineAudience(Role.CANDIDATE, true)).toBeNull();
  });
});
