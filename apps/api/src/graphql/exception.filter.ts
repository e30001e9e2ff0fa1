import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * GraphQL errors go back to Apollo untouched, where formatError maps them (and logs only the
 * unexpected ones). Without this, Nest logs every expected AppError as an error.
 */
@Catch()
export class PassThroughGqlFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
