import type { Repository } from 'typeorm';
import type { Clock } from '@app/common';
import type { AppConfig } from '@app/config';
import { Role, UserEntity } from '@app/domain';
import { AccountStatusCache } from './account-status.cache';

describe('AccountStatusCache', () => {
  let now: number;
  const clock: Clock = { now: () => new Date(now) };
  let row: Partial<UserEntity> | null;
  const findOne = jest.fn(() => Promise.resolve(row ? { ...row } : null));
  const make = (seconds: number) =>
    new AccountStatusCache({ findOne } as unknown as Repository<UserEntity>, clock, { authRecheckSeconds: seconds } as AppConfig);

  beforeEach(() => {
    now = Date.UTC(2026, 10, 30, 9);
    row = { id: 'u1', role: Role.RECRUITER, email: 'r@example.com', active: true, tokenVersion: 0, erasedAt: null };
    findOne.mockClear();
  });

  it('serves a status for the TTL, then reads the database again', async () => {
    const cache = make(5);
    expect(await cache.get('u1')).toEqual({ role: Role.RECRUITER, email: 'r@example.com', active: true, tokenVersion: 0, erased: false });
    row = { ...row, active: false, tokenVersion: 1 };
    now += 4_999;
    expect((await cache.get('u1'))?.active).toBe(true);
    expect(findOne).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await cache.get('u1')).toMatchObject({ active: false, tokenVersion: 1 });
    expect(findOne).toHaveBeenCalledTimes(2);
  });

  it('shares one read between concurrent requests and forgets an entry on invalidate', async () => {
    const cache = make(5);
    await Promise.all([cache.get('u1'), cache.get('u1'), cache.get('u1')]);
    expect(findOne).toHaveBeenCalledTimes(1);
    row = { ...row, role: Role.INTERVIEWER };
    cache.invalidate('u1');
    expect((await cache.get('u1'))?.role).toBe(Role.INTERVIEWER);
  });

  it('answers null for a deleted account, and reads every time with a TTL of 0', async () => {
    const cache = make(0);
    row = null;
    expect(await cache.get('u1')).toBeNull();
    await cache.get('u1');
    expect(findOne).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed read', async () => {
    const cache = make(5);
    findOne.mockImplementationOnce(() => Promise.reject(new Error('db down')));
    await expect(cache.get('u1')).rejects.toThrow('db down');
    expect((await cache.get('u1'))?.active).toBe(true);
  });
});
