import type { Request } from 'express';
import type { AuthService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import type { Authentication, Credentials } from '../graphql/context';
import { clearSessionCookies, CSRF_MISSING, csrfError } from './session-cookie';

/**
 * Checks a request's credentials, the same way for GraphQL over HTTP, graphql-ws and the CSV
 * route. A bad bearer token throws (as it always did); a bad session cookie is returned as
 * `error` (and cleared, so that the browser stops sending it), as is a cookie request without
 * CSRF proof. See session-cookie.ts for the rules.
 */
export async function authenticate(auth: AuthService, credentials: Credentials | undefined, req?: Request): Promise<Authentication> {
  if (!credentials) return { user: null };
  if (credentials.source === 'bearer') return { user: await auth.verify(credentials.token) };
  let user;
  try {
    user = await auth.verify(credentials.token);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== ErrorCode.UNAUTHENTICATED) throw e;
    if (req?.res && !req.res.headersSent) clearSessionCookies(req, req.res);
    return { user: null, error: e };
  }
  if (credentials.source === 'cookie') {
    if (credentials.foreignOrigin) return { user: null, error: csrfError(credentials.foreignOrigin) };
    if (!user?.session || !auth.csrfMatches(user.session.id, credentials.csrfHeader)) return { user: null, error: csrfError(CSRF_MISSING) };
  }
  return { user };
}
