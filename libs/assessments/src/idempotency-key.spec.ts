import { AppError, ErrorCode } from '@app/common';
import { checkIdempotencyKey, IDEMPOTENCY_KEY_MAX } from './attempts.service';

describe('checkIdempotencyKey', () => {
  const refusal = (key: string) => {
    try {
      checkIdempotencyKey(key);
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error(`${JSON.stringify(key)} was accepted`);
  };

  it('takes no key, a UUID and a key of exactly IDEMPOTENCY_KEY_MAX printable characters', () => {
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey(null)).toBeNull();
    expect(checkIdempotencyKey('0b6f5c3e-8f0a-4d7c-9a55-2f4be1e0c9d1')).toBe('0b6f5c3e-8f0a-4d7c-9a55-2f4be1e0c9d1');
    const longest = '~'.repeat(IDEMPOTENCY_KEY_MAX);
    expect(checkIdempotencyKey(longest)).toBe(longest);
  });

  it('refuses one character past the limit, an empty key, spaces and non-ASCII, naming the limit', () => {
    for (const key of ['x'.repeat(IDEMPOTENCY_KEY_MAX + 1), '', 'has space', 'clé', 'tab\there']) {
      const e = refusal(key);
      expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(e.details.fields).toEqual([
        { field: 'idempotencyKey', message: `must be 1-${IDEMPOTENCY_KEY_MAX} printable ASCII characters without spaces (a UUID will do)` },
      ]);
    }
  });
});
