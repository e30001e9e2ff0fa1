import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Client,
  CombinedError,
  cacheExchange,
  fetchExchange,
  subscriptionExchange,
  useQuery as useUrqlQuery,
  type AnyVariables,
  type UseQueryArgs,
} from 'urql';
import { graphql } from './gql';
import type { MeQuery, Permission, Role, TypedDocumentString } from './gql/graphql';

/** A generated document: its text, typed with its result and variables. */
export type Doc<R, V> = TypedDocumentString<R, V>;

export type { Permission, Role };
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Granted by an admin beyond the role (as of login or the last page load). */
  permissions: Permission[];
}

/**
 * Whether the adverse-impact report is the user's to read: admins, and recruiters an admin granted
 * FAIRNESS_REPORT (the API keeps that permission for recruiters only and checks it on every read;
 * this only decides what the pages offer).
 */
export function mayReadFairnessReport(user: SessionUser | undefined): boolean {
  return user?.role === 'ADMIN' || (user?.role === 'RECRUITER' && user.permissions.includes('FAIRNESS_REPORT'));
}
/**
 * The signed-in user, in memory only. The token itself lives in an httpOnly cookie that no
 * script of the page can read (set by `loginWithCookie`); what the page keeps is the CSRF
 * token it must echo on every request, read from the readable `hp_csrf` cookie at login or on
 * load. A tab that keeps the token it started with also notices when another tab logs in as
 * someone else: its token no longer fits the cookie, and it asks `me` again.
 */
export interface Session {
  user: SessionUser;
  csrf: string;
}

let session: Session | null = null;
const listeners = new Set<() => void>();

/** The CSRF cookie (`__Host-hp_csrf` over HTTPS), if a session cookie was set beside it. */
function csrfCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === '__Host-hp_csrf' || name === 'hp_csrf') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function csrfHeader(csrf = session?.csrf): Record<string, string> {
  return csrf ? { 'x-csrf-token': csrf } : {};
}

export function currentSession(): Session | null {
  return session;
}

function setSession(s: Session | null): void {
  session = s;
  void wsClient?.dispose();
  wsClient = null;
  // A new client per session: nothing cached for one user is ever shown to the next.
  client = makeClient();
  listeners.forEach((l) => l());
}

export function useSession(): Session | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return session;
}

export interface FieldError {
  field: string;
  message: string;
}
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: FieldError[] = [],
    /** `extensions.reason`, e.g. CSRF on a FORBIDDEN that a session change explains. */
    readonly reason?: string,
  ) {
    super(message);
  }
  /** The server's message for one input field (BAD_USER_INPUT's `extensions.fields`), if any. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message;
  }
}

/**
 * An expired or revoked session: drop it, and the pages ask to log in again (the API has
 * cleared the cookie). A CSRF refusal means another tab changed the session cookie: read it again.
 */
function dropSessionOn(e: ApiError): void {
  if (!session) return;
  if (e.code === 'UNAUTHENTICATED') setSession(null);
  else if (e.code === 'FORBIDDEN' && e.reason === 'CSRF') {
    setSession(null);
    void restoreSession();
  }
}

function toApiError(e: CombinedError): ApiError {
  const g = e.graphQLErrors[0];
  if (!g) return new ApiError(e.networkError ? `The server could not be reached (${e.networkError.message})` : e.message, 'NETWORK');
  const code = typeof g.extensions?.code === 'string' ? g.extensions.code : 'ERROR';
  const fields = Array.isArray(g.extensions?.fields) ? (g.extensions.fields as FieldError[]) : [];
  const reason = typeof g.extensions?.reason === 'string' ? g.extensions.reason : undefined;
  // The message already names every bad field (AppError.badInput); forms also show each beside its input.
  return new ApiError(g.message, code, fields, reason);
}

let wsClient: WsClient | null = null;
function ws(): WsClient {
  if (!wsClient) {
    // The browser sends the session cookie with the upgrade; the API checks its Origin.
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = createWsClient({ url, lazy: true, retryAttempts: 5 });
    wsClient.on('connected', () => connectionListeners.forEach((l) => l(true)));
    // A lazy client closes normally (1000) when no subscription needs it: not a lost connection.
    wsClient.on('closed', (e) => {
      if ((e as { code?: number } | undefined)?.code !== 1000) connectionListeners.forEach((l) => l(false));
    });
  }
  return wsClient;
}

const connectionListeners = new Set<(up: boolean) => void>();
/** The live connection (graphql-ws) going down and coming back; returns the unsubscribe function. */
export function onConnectionChange(listener: (up: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => void connectionListeners.delete(listener);
}

/**
 * urql over HTTP for queries and mutations (the API's graphql-ws serves subscriptions only),
 * graphql-ws for subscriptions. The document cache answers a page revisited at once and drops
 * results whose types a mutation touched; unmounting a component cancels its request.
 */
function makeClient(): Client {
  return new Client({
    url: '/graphql',
    // POST only: GET would put variables (answers, code) into URLs and access logs.
    preferGetMethod: false,
    // The session cookie goes with every same-origin request; the CSRF header proves the page is ours.
    fetchOptions: (): RequestInit => ({ credentials: 'same-origin', headers: csrfHeader() }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws().subscribe({ query: request.query ?? '', variables: request.variables }, sink) }),
        }),
      }),
    ],
  });
}
let client = makeClient();
export const urqlClient = (): Client => client;

/** The generated documents are strings: the operation comes first, its fragments after it. */
const isMutation = (doc: Doc<unknown, never>) => /^\s*mutation\b/.test(doc.toString());

/** Runs one typed operation outside a component (mutations, one-off reads); throws ApiError. */
export async function gql<R, V extends AnyVariables>(doc: Doc<R, V>, variables: V): Promise<R> {
  const res = isMutation(doc)
    ? await client.mutation<R, V>(doc.toString(), variables).toPromise()
    : await client.query<R, V>(doc.toString(), variables, { requestPolicy: 'network-only' }).toPromise();
  if (res.error) {
    const e = toApiError(res.error);
    dropSessionOn(e);
    throw e;
  }
  if (!res.data) throw new ApiError('The server sent no data', 'NETWORK');
  return res.data;
}

/** Subscribes to a typed subscription; returns the unsubscribe function. */
export function subscribe<R, V extends AnyVariables>(
  doc: Doc<R, V>,
  variables: V,
  onData: (d: R) => void,
  onError?: (e: ApiError) => void,
): () => void {
  const { unsubscribe } = client.subscription<R, V>(doc.toString(), variables).subscribe((res) => {
    if (res.error) {
      const e = toApiError(res.error);
      dropSessionOn(e);
      onError?.(e);
    } else if (res.data) onData(res.data);
  });
  return unsubscribe;
}

/**
 * A typed query that runs when its variables change; `reload` asks the network again. A page
 * seen before shows its cached result at once and refreshes it (cache-and-network): the
 * document cache cannot tell that a mutation added to a list it saw empty.
 */
export function useQuery<R, V extends AnyVariables>(query: Doc<R, V>, variables?: V, pause = false) {
  // tsc needs both assertions (V is generic); the linter's type view resolves V and calls them needless.
  /* eslint-disable @typescript-eslint/no-unnecessary-type-assertion */
  const args = { query: query.toString(), variables: variables ?? ({} as V), pause, requestPolicy: 'cache-and-network' } as UseQueryArgs<
    V,
    R
  >;
  /* eslint-enable @typescript-eslint/no-unnecessary-type-assertion */
  const [res, reexecute] = useUrqlQuery<R, V>(args);
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const error = useMemo(() => (res.error ? toApiError(res.error) : undefined), [res.error]);
  // Not during render: dropping the session re-renders the whole app.
  useEffect(() => {
    if (error) dropSessionOn(error);
  }, [error]);
  return { data: res.data, error, loading: res.fetching, reload };
}

const LOGIN = graphql(`
  mutation LoginWithCookie($i: LoginInput!) {
    loginWithCookie(input: $i) {
      user {
        id
        email
        name
        role
        permissions
      }
    }
  }
`);
const REGISTER = graphql(`
  mutation Register($i: RegisterInput!) {
    register(input: $i) {
      email
      message
    }
  }
`);

const ME = graphql(`
  query Me {
    me {
      id
      email
      name
      role
      permissions
    }
  }
`);
const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

export async function login(email: string, password: string): Promise<SessionUser> {
  const d = await gql(LOGIN, { i: { email, password } });
  const csrf = csrfCookie();
  if (!csrf) throw new ApiError('The browser refused the session cookie: allow cookies for this site and try again', 'COOKIES');
  setSession({ user: d.loginWithCookie.user, csrf });
  return d.loginWithCookie.user;
}

let restoring: Promise<void> | null = null;

/**
 * On load (and after another tab changed the session): the session cookie, if any, is asked
 * who it belongs to. Without a CSRF cookie there is no session and no request is made.
 */
export function restoreSession(): Promise<void> {
  restoring ??= (async () => {
    // Tokens were once kept in localStorage; none is left behind there.
    localStorage.removeItem('hp.session');
    const csrf = csrfCookie();
    if (!csrf) return;
    const res = await client
      .query<MeQuery>(ME.toString(), {}, { requestPolicy: 'network-only', fetchOptions: { credentials: 'same-origin', headers: csrfHeader(csrf) } })
      .toPromise();
    if (res.data) setSession({ user: res.data.me, csrf });
  })()
    .catch(() => undefined)
    .finally(() => (restoring = null));
  return restoring;
}

/** Ends the session on the server (its token is revoked, the cookies cleared), then here. */
export async function logout(): Promise<void> {
  try {
    await gql(LOGOUT, {});
  } finally {
    setSession(null);
  }
}

/**
 * Sign-up answers alike whether or not the email was free (no account oracle), so it returns no
 * session: log in with the same password next. If that fails, the email belonged to someone else.
 */
export async function register(name: string, email: string, password: string): Promise<SessionUser> {
  const d = await gql(REGISTER, { i: { name, email, password } });
  try {
    return await login(d.register.email, password);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') throw new ApiError(d.register.message, 'REGISTERED');
    throw e;
  }
}

const ERASE = graphql(`
  mutation EraseMyAccount($i: EraseMyAccountInput!) {
    eraseMyAccount(input: $i) {
      erasedAt
    }
  }
`);

/**
 * Erases the candidate's account for good (the API ends every session and clears the cookies),
 * runs `then` (where to go), and forgets the session here: the pages fall back to logged out.
 */
export async function eraseMyAccount(confirm: string, password: string, then: () => void): Promise<void> {
  await gql(ERASE, { i: { confirm, password } });
  // First leave the page (a candidates-only page would turn into the login form), then forget the session.
  then();
  setSession(null);
}

/** Fetches a file that needs the session's CSRF header (a plain link cannot send it) and saves it. */
export async function download(url: string, filename: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: csrfHeader() });
  if (!res.ok) throw new ApiError(`Download failed (${res.status})`, 'HTTP');
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
