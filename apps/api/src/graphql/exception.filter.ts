import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { ErrorCode } from '@app/common';
import { REQUEST_BODY_MAX_BYTES } from './operation-limits';

/**
 * GraphQL errors go back to Apollo untouched, where formatError maps them (and logs only the
 * unexpected ones). Without this, Nest logs every expected AppError as an error.
 *
 * An HTTP error raised before Apollo sees a /graphql request (the body parser's 413 for a body
 * over its limit, 400 for malformed JSON) answers in GraphQL's shape with a stable code, so a
 * GraphQL client reads it like any other error.
 */
@Catch()
export class PassThroughGqlFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    if (host.getType() === 'http' && exception instanceof HttpException) {
      const req = host.switchToHttp().getRequest<Request>();
      const res = host.switchToHttp().getResponse<Response>();
      const status = exception.getStatus();
      if (req.path === '/graphql' && (status === 413 || status === 400) && !res.headersSent) {
        const error =
          status === 413
            ? {
                message: `The request body is larger than the limit of ${REQUEST_BODY_MAX_BYTES / 1024} KB; send a smaller document or smaller variables`,
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'requestBytes' },
              }
            : { message: `The request could not be read: ${exception.message}`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
        res.status(status).json({ errors: [error] });
        return undefined;
      }
    }
    return super.catch(exception, host);
  }
}
