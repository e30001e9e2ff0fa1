import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, Logger } from '@app/common';
import { tokenLimitError } from './operation-limits';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

// Codes Apollo/graphql-js assign to errors they raise themselves, already safe to show.
const FRAMEWORK_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/** How long a client should wait before retrying a SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_MS = 1000;

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'SQLITE_BUSY']);
// PostgreSQL: connection exceptions (class 08) and the server shutting down or starting (57P01-57P03).
const PG_UNAVAILABLE = /^(08...|57P0[123])$/;
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Connection is closed/i,
  /max retries per request/i,
  /Redis did not answer/i,
  /Stream isn't writeable/i,
];

/**
 * Whether an error means the database or Redis is unreachable for now (restarting, failing
 * over, a dropped connection) rather than a bug: the client may retry the same request. Looks
 * through TypeORM's and others' wrappers (driverError, cause).
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError (a connect to several addresses) carries its causes in `errors`.
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((n) => n !== error && isUnavailable(n, depth + 1));
}

/**
 * The one place where every error becomes what a client sees: a stable code, a message a
 * person can act on, and nothing else (no stack, no SQL) outside development.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { exposeInternals: boolean; logger: Logger },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
    return { ...base, message: status >= 500 ? 'Internal server error' : original.message, extensions: { code } };
  }
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED') {
    // The parser's token limit is a limit like depth or complexity, not a syntax error.
    const limit = tokenLimitError(formatted);
    if (limit) return { message: limit.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens' } };
  }
  if (typeof code === 'string' && FRAMEWORK_CODES.has(code)) {
    // Variable coercion errors come as BAD_USER_INPUT already and name the variable.
    return { ...base, extensions: { code: code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' ? code : ErrorCode.BAD_USER_INPUT } };
  }
  if (original instanceof GraphQLError && !(error instanceof GraphQLError && error.originalError)) {
    // A graphql-js error with no cause: schema-level, safe to show.
    return { ...base, extensions: { code: typeof code === 'string' ? code : ErrorCode.BAD_USER_INPUT } };
  }
  if (isUnavailable(original)) {
    opts.logger.warn({ err: original instanceof Error ? original.message : String(original), path: formatted.path }, 'database or Redis unavailable');
    return {
      ...base,
      message: 'The service is briefly unavailable (its database or queue is reconnecting); retry the same request shortly',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterMs: RETRY_AFTER_MS },
    };
  }
  opts.logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
  return {
    ...base,
    message: opts.exposeInternals && original instanceof Error ? original.message : 'Internal server error',
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(opts.exposeInternals && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
    },
  };
}
