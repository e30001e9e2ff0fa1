import { acceptsSubmissions, computeDeadline, secondsLeft } from './deadline';

describe('deadline', () => {
  const start = new Date('2026-11-26T10:00:00.000Z');

  it('is start + duration without accommodation', () => {
    expect(computeDeadline(start, 90, 0).toISOString()).toBe('2026-11-26T11:30:00.000Z');
  });

  it('stretches the duration by the extra time percent', () => {
    expect(computeDeadline(start, 90, 50).toISOString()).toBe('2026-11-26T12:15:00.000Z');
    expect(computeDeadline(start, 60, 25).toISOString()).toBe('2026-11-26T11:15:00.000Z');
  });

  it('counts seconds left, never below zero', () => {
    const deadline = computeDeadline(start, 1, 0);
    expect(secondsLeft(deadline, new Date('2026-11-26T10:00:30.200Z'))).toBe(30);
    expect(secondsLeft(deadline, new Date('2026-11-26T10:05:00.000Z'))).toBe(0);
  });

  it('accepts a submission in flight within the grace, not after', () => {
    const deadline = computeDeadline(start, 1, 0);
    expect(acceptsSubmissions(deadline, new Date('2026-11-26T10:01:04.999Z'))).toBe(true);
    expect(acceptsSubmissions(deadline, new Date('2026-11-26T10:01:05.001Z'))).toBe(false);
  });
});
