import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@app/config';

/**
 * Security headers on every response (the web app, its assets, the API, errors).
 *
 * The web app's policy is 'self' for everything with two exceptions, each needed by the app:
 * - style-src 'unsafe-inline': CodeMirror 6 injects its theme as <style> elements at run time,
 *   and React renders `style={...}` attributes (score bars, the editor height); neither can
 *   carry a nonce from a statically served index.html. Scripts stay strictly 'self' (the Vite
 *   build emits no inline script), which is what stops injected markup from running code.
 * - connect-src names ws(s)://<this host> as well as 'self', for graphql-ws in browsers that
 *   do not yet match WebSocket schemes against 'self'.
 *
 * GraphiQL (development only, GET /graphql from a browser) loads React and GraphiQL from
 * unpkg.com and starts them with an inline script, so that one page gets a relaxed policy;
 * production serves no GraphiQL and every page gets the strict one.
 */
const COMMON = ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"];

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function appCsp(host: string | undefined): string {
  const ws = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${ws}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    ...COMMON,
  ].join('; ');
}

export function graphiqlCsp(host: string | undefined): string {
  const ws = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  const cdn = 'https://unpkg.com';
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' ${cdn}`,
    `style-src 'self' 'unsafe-inline' ${cdn}`,
    `img-src 'self' data: ${cdn}`,
    `font-src 'self' data: ${cdn}`,
    `connect-src 'self'${ws}`,
    ...COMMON,
  ].join('; ');
}

export function securityHeaders(config: AppConfig) {
  const graphiql = !config.isProduction;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '/').split('?')[0];
    const isGraphiql = graphiql && req.method === 'GET' && path === '/graphql' && String(req.headers.accept ?? '').includes('text/html');
    res.setHeader('content-security-policy', isGraphiql ? graphiqlCsp(req.headers.host) : appCsp(req.headers.host));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    next();
  };
}
