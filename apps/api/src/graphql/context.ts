import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import type { AuthUser } from '@app/auth';
import { CSRF_HEADER, foreignOrigin, sessionCookie } from '../auth/session-cookie';

/**
 * Where the token of a request came from. A bearer token (API clients, sent on purpose) is
 * trusted as sent. The session cookie (the web app) rides along on any request the browser
 * makes, so it counts only with CSRF proof: over HTTP the `x-csrf-token` header (checked by the
 * auth guard against the session) and a same-origin `Origin`; over graphql-ws the upgrade
 * request's Origin, checked before the socket opens.
 */
export type Credentials =
  | { source: 'bearer'; token: string }
  | { source: 'cookie'; token: string; csrfHeader?: string; foreignOrigin?: string }
  | { source: 'cookie-ws'; token: string };

/** What every resolver can read from the GraphQL context, over HTTP and over graphql-ws alike. */
export interface GqlContext {
  req?: Request;
  /** The token of the request (Authorization header, graphql-ws connectionParams, or the session cookie). */
  credentials?: Credentials;
  ip: string;
  requestId?: string;
  /** Set by the auth guard once the token and its account are verified. */
  user?: AuthUser;
  /** The guard's one verification per operation, shared by the fields resolved in parallel. */
  authenticated?: Promise<Authentication>;
  /** Per-request DataLoaders, created lazily by feature modules. */
  loaders: Map<string, unknown>;
}

/**
 * The outcome of checking a request's credentials. `error` is what a field that needs a user
 * answers; a public field ignores a failed cookie (the caller is anonymous) so that a stale
 * cookie never blocks `loginWithCookie` or `logout`.
 */
export interface Authentication {
  user: AuthUser | null;
  error?: Error;
}

export function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m ? m[1] : undefined;
}

/** The credentials of an HTTP request: the Authorization header wins; otherwise the session cookie. */
export function httpCredentials(req: IncomingMessage): Credentials | undefined {
  const token = bearer(req.headers.authorization);
  if (token) return { source: 'bearer', token };
  const cookie = sessionCookie(req);
  if (!cookie) return undefined;
  const header = req.headers[CSRF_HEADER];
  return { source: 'cookie', token: cookie, csrfHeader: typeof header === 'string' ? header : undefined, foreignOrigin: foreignOrigin(req) };
}

export function buildContext(args: {
  req?: Request;
  connectionParams?: Record<string, unknown>;
  extra?: { request?: IncomingMessage };
}): GqlContext {
  if (args.req) {
    const req = args.req;
    return {
      req,
      credentials: httpCredentials(req),
      ip: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
      requestId: (req as Request & { id?: string }).id,
      loaders: new Map(),
    };
  }
  const params = args.connectionParams ?? {};
  const token = bearer(params.authorization ?? params.Authorization) ?? (typeof params.token === 'string' ? params.token : undefined);
  // The upgrade request carried the cookie; GraphqlWsServer refused it unless its Origin is this host.
  const cookie = args.extra?.request ? sessionCookie(args.extra.request) : undefined;
  return {
    credentials: token ? { source: 'bearer', token } : cookie ? { source: 'cookie-ws', token: cookie } : undefined,
    ip: args.extra?.request?.socket?.remoteAddress ?? 'unknown',
    loaders: new Map(),
  };
}
