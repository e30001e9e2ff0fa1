import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { AuthService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { Role } from '@app/domain';
import { authenticate } from '../auth/authenticate';
import type { GqlContext } from './context';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Global guard: deny by default. A GraphQL handler runs only when it (or its class) declares
 * @Public or @Roles(...) and the caller holds one of those roles. HTTP controllers are left
 * to their own guards (health, metrics and the CSV export declare theirs).
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    // Verify once per operation (token, account state, CSRF proof for the cookie); field resolvers reuse the result.
    let failure: Error | undefined;
    if (ctx.credentials) {
      ctx.authenticated ??= authenticate(this.auth, ctx.credentials, ctx.req);
      const { user, error } = await ctx.authenticated;
      ctx.user = user ?? undefined;
      failure = error;
    }

    // A public field serves a caller whose cookie failed as anonymous: a stale cookie must not block logging in.
    if (isPublic) return true;
    if (!roles) {
      throw new AppError(ErrorCode.FORBIDDEN, 'This field declares no roles and is denied');
    }
    if (failure) throw failure;
    if (!ctx.user) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'You must be logged in: send Authorization: Bearer <token> (or, from the web app, the session cookie)');
    }
    if (!roles.includes(ctx.user.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, `This requires one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
