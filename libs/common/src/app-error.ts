/**
 * Stable error codes, the contract clients program against. Domain code throws AppError;
 * the API maps it (and everything else) to a GraphQL error in one place.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A stored quota is used up (e.g. an attempt's timeline); retrying will not help. */
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The same idempotency key was sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The database or Redis is unreachable for now: retry after `extensions.retryAfterMs`. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(problems: FieldProblem[]): AppError {
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input. ${message}`, { fields: problems });
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, id ? `${what} ${id} was not found` : `${what} was not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message);
  }

  static precondition(message: string): AppError {
    return new AppError(ErrorCode.FAILED_PRECONDITION, message);
  }
}
