import { similarityJobId } from './similarity-queue';

describe('similarityJobId (debounce windows)', () => {
  const data = { scope: 'ASSESSMENT' as const, scopeId: 'a1', problemId: 'p1', language: 'python' };

  it('collapses requests of one window into one job that runs at the window end', () => {
    const first = similarityJobId(data, 1_000_000, 180_000);
    const second = similarityJobId(data, 1_079_999, 180_000);
    expect(second.jobId).toBe(first.jobId);
    expect(first.delay).toBe(80_000);
    expect(second.delay).toBe(1);
    expect(first.jobId).not.toContain(':');
  });

  it('gives a request made while the window job runs (after the window end) a job of its own', () => {
    expect(similarityJobId(data, 1_080_000, 180_000).jobId).not.toBe(similarityJobId(data, 1_079_999, 180_000).jobId);
  });

  it("waits for a later moment's window (an attempt's deadline), one job for every request before it", () => {
    const deadline = 2_000_000;
    const a = similarityJobId(data, 1_000_000, 180_000, deadline);
    const b = similarityJobId(data, 1_500_000, 180_000, deadline);
    expect(a.jobId).toBe(b.jobId);
    expect(1_000_000 + a.delay).toBe(2_160_000);
    expect(similarityJobId(data, 1_000_000, 0, deadline)).toEqual({ jobId: 'sim_ASSESSMENT_a1_p1_python_2000000', delay: 1_000_000 });
  });

  it('keeps groups apart and runs at once when the window is 0', () => {
    expect(similarityJobId({ ...data, language: 'javascript' }, 5, 180_000).jobId).not.toBe(similarityJobId(data, 5, 180_000).jobId);
    expect(similarityJobId(data, 5, 0)).toEqual({ jobId: 'sim_ASSESSMENT_a1_p1_python_5', delay: 0 });
  });
});
