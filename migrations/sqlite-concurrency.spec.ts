import { OwnedLock, SqliteLockTimeoutError } from './sqlite-concurrency';

describe('OwnedLock', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const c = { name: 'c' };

  it('grants at once when free, then queues others first come first served', async () => {
    const lock = new OwnedLock(1000);
    const order: string[] = [];
    await lock.acquire(a);
    const waits = [b, c].map((who) => lock.acquire(who).then(() => order.push(who.name)));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(lock.heldBy(a)).toBe(true);
    lock.release(a);
    await waits[0];
    expect(lock.heldBy(b)).toBe(true);
    lock.release(b);
    await waits[1];
    expect(order).toEqual(['b', 'c']);
    lock.release(c);
    expect(lock.heldBy(c)).toBe(false);
  });

  it('ignores a release by someone who does not hold it', async () => {
    const lock = new OwnedLock(1000);
    await lock.acquire(a);
    lock.release(b);
    expect(lock.heldBy(a)).toBe(true);
  });

  it('gives up after the wait limit with an error that names the likely cause, and leaves the queue', async () => {
    jest.useFakeTimers();
    try {
      const lock = new OwnedLock(50);
      await lock.acquire(a);
      const late = lock.acquire(b);
      const next = lock.acquire(c);
      jest.advanceTimersByTime(50);
      await expect(late).rejects.toThrow(SqliteLockTimeoutError);
      await expect(late).rejects.toThrow(/EntityManager/);
      await expect(next).rejects.toThrow(SqliteLockTimeoutError);
      // Nobody waits any more: the next acquire after the holder lets go is granted at once.
      lock.release(a);
      expect(lock.heldBy(a)).toBe(false);
      let granted = false;
      void lock.acquire(b).then(() => (granted = true));
      await Promise.resolve();
      expect(granted).toBe(true);
      expect(lock.heldBy(b)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
