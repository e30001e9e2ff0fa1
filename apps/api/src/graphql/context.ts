import type { Request } from 'express';
import type { AuthUser } from '@app/auth';

/** What every resolver can read from the GraphQL context, over HTTP and over graphql-ws alike. */
export interface GqlContext {
  req?: Request;
  /** Bearer token from the Authorization header or the graphql-ws connectionParams. */
  token?: string;
  ip: string;
  requestId?: string;
  /** Set by the auth guard once the token and its account are verified. */
  user?: AuthUser;
  /** The guard's one verification per operation, shared by the fields resolved in parallel. */
  authenticated?: Promise<AuthUser | null>;
  /** Per-request DataLoaders, created lazily by feature modules. */
  loaders: Map<string, unknown>;
}

export function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m ? m[1] : undefined;
}

export function buildContext(args: {
  req?: Request;
  connectionParams?: Record<string, unknown>;
  extra?: { request?: { socket?: { remoteAddress?: string } } };
}): GqlContext {
  if (args.req) {
    const req = args.req;
    return {
      req,
      token: bearer(req.headers.authorization),
      ip: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
      requestId: (req as Request & { id?: string }).id,
      loaders: new Map(),
    };
  }
  const params = args.connectionParams ?? {};
  return {
    token: bearer(params.authorization ?? params.Authorization) ?? (typeof params.token === 'string' ? params.token : undefined),
    ip: args.extra?.request?.socket?.remoteAddress ?? 'unknown',
    loaders: new Map(),
  };
}
