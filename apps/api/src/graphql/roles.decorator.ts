import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@app/domain';
import type { AuthUser } from '@app/auth';
import type { GqlContext } from './context';

export const ROLES_KEY = 'hp:roles';
export const PUBLIC_KEY = 'hp:public';

/** The roles that may call a resolver (method or class). Without it, or @Public, a call is denied. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any authenticated user. */
export const AnyRole = () => SetMetadata(ROLES_KEY, Object.values(Role));

/** Callable without logging in (a valid token is still read if sent). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return GqlExecutionContext.create(ctx).getContext<GqlContext>().user;
});
