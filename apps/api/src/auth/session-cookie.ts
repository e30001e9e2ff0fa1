import type { CookieOptions, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { AppError, ErrorCode } from '@app/common';

/**
 * The web app's session: the access token in an httpOnly cookie that page scripts cannot read,
 * and beside it a readable CSRF cookie whose value the app echoes in the `x-csrf-token` header.
 * Both are SameSite=Strict, path /, and live as long as the token. Over HTTPS they are Secure
 * and carry the `__Host-` prefix, which a sibling subdomain cannot set. API clients keep
 * sending `Authorization: Bearer`; a request that does is never read for cookies.
 *
 * The rules for a request authenticated by the cookie (one place, applied by the auth guard,
 * the CSV route and the graphql-ws upgrade):
 * - an `Origin` header, when sent, names this host (browsers send it on every POST and on
 *   WebSocket handshakes);
 * - over HTTP the `x-csrf-token` header equals the session's CSRF token (AuthService.csrfToken:
 *   an HMAC of the token id, so a planted cookie pair from another session does not pass);
 * - over graphql-ws, where a browser cannot add headers, the Origin check alone stands.
 */
export const CSRF_HEADER = 'x-csrf-token';
const SESSION = 'hp_session';
const CSRF = 'hp_csrf';

export interface CookieNames {
  session: string;
  csrf: string;
}

export function cookieNames(secure: boolean): CookieNames {
  return secure ? { session: `__Host-${SESSION}`, csrf: `__Host-${CSRF}` } : { session: SESSION, csrf: CSRF };
}

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** The session cookie of a request (the `__Host-` one first), or undefined. */
export function sessionCookie(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  return (readCookie(header, cookieNames(true).session) ?? readCookie(header, cookieNames(false).session)) || undefined;
}

/**
 * Why a request from this Origin may not use the session cookie, or undefined when it may: no
 * Origin (not a browser, or a same-origin GET) or one whose host is the Host the request was sent
 * to. A proxy in front of the API must pass the Host header through.
 */
export function foreignOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host && host === req.headers.host) return undefined;
  return `A request from another origin (${origin.slice(0, 200)}) cannot use the session cookie: API clients send Authorization: Bearer <token>`;
}

export const CSRF_MISSING =
  `A request authenticated by the session cookie must send the ${CSRF_HEADER} header with the value of the ${CSRF} cookie ` +
  '(the web app does this itself; reload it if it keeps happening). API clients send Authorization: Bearer <token> instead';

/** FORBIDDEN with `extensions.reason: "CSRF"`, so a client can tell it from a missing role. */
export function csrfError(message: string): AppError {
  return new AppError(ErrorCode.FORBIDDEN, message, { reason: 'CSRF' });
}

function options(req: Request, httpOnly: boolean): CookieOptions {
  return { httpOnly, secure: req.secure, sameSite: 'strict', path: '/' };
}

/** Sets the session and CSRF cookies for a token that expires at `expiresAt`. */
export function setSessionCookies(req: Request, res: Response, token: string, csrfToken: string, expiresAt: Date): void {
  const names = cookieNames(req.secure);
  // Whole seconds, rounded up: the cookie never outlives the token by a second or more.
  const maxAge = Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000) * 1000);
  res.cookie(names.session, token, { ...options(req, true), maxAge });
  res.cookie(names.csrf, csrfToken, { ...options(req, false), maxAge });
}

/** Clears both cookies (logout, or a session the API no longer accepts). */
export function clearSessionCookies(req: Request, res: Response): void {
  const names = cookieNames(req.secure);
  res.clearCookie(names.session, options(req, true));
  res.clearCookie(names.csrf, options(req, false));
}
