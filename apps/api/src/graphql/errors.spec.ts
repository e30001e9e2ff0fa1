import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, createLogger, ErrorCode } from '@app/common';
import { formatError, isUnavailable, RETRY_AFTER_MS } from './errors';

const logger = createLogger('silent', 'test');
const format = (err: Error) => formatError({ message: err.message, path: ['submitSolution'] }, new GraphQLError(err.message, { originalError: err }), { exposeInternals: false, logger });

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('errors: the database or Redis unreachable is SERVICE_UNAVAILABLE with a retry hint', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['PostgreSQL shutting down (fast shutdown)', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['PostgreSQL starting up', pgError('57P03', 'the database system is starting up')],
    ['a pg pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connection dropped mid-query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['ioredis giving up on a command', Object.assign(new Error('Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.'), { name: 'MaxRetriesPerRequestError' })],
    ['ioredis with the connection closed', new Error('Connection is closed.')],
    ['a cause chain', new Error('enqueue failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('%s', (_what, err) => {
    expect(isUnavailable(err)).toBe(true);
    const out = format(err);
    expect(out.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterMs: RETRY_AFTER_MS });
    expect(out.message).not.toContain(err.message);
    expect(JSON.stringify(out)).not.toMatch(/stack|5432|ECONN/);
  });

  it('leaves bugs and domain errors alone', () => {
    expect(isUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isUnavailable(new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint')))).toBe(false);
    expect(format(new TypeError('boom')).extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(format(AppError.conflict('taken')).extensions).toEqual({ code: ErrorCode.CONFLICT });
  });

  it('does not loop on a cause that points back at itself', () => {
    const e = new Error('odd') as Error & { cause?: unknown };
    e.cause = e;
    expect(isUnavailable(e)).toBe(false);
  });
});
