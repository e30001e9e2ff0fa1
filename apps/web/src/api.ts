import { createClient, type Client } from 'graphql-ws';
import { useCallback, useEffect, useState } from 'react';

export type Role = 'ADMIN' | 'RECRUITER' | 'INTERVIEWER' | 'CANDIDATE';
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
interface Session {
  token: string;
  user: SessionUser;
  expiresAt: string;
}

const KEY = 'hp.session';
let session: Session | null = readSession();
const listeners = new Set<() => void>();

function readSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && new Date(s.expiresAt).getTime() > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return session;
}

export function setSession(s: Session | null): void {
  session = s;
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
  wsClient?.dispose();
  wsClient = null;
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

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] } | null;
  if (!body) throw new ApiError(`The server answered ${res.status}`, 'NETWORK');
  if (body.errors?.length) {
    const e = body.errors[0];
    if (e.extensions?.code === 'UNAUTHENTICATED' && session) setSession(null);
    const fields = e.extensions?.fields ?? [];
    const detail = fields.length ? `: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}` : '';
    throw new ApiError(`${e.message}${detail}`, e.extensions?.code ?? 'ERROR', fields);
  }
  return body.data as T;
}

let wsClient: Client | null = null;
function ws(): Client {
  if (!wsClient) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const token = session?.token;
    wsClient = createClient({ url, lazy: true, retryAttempts: 5, connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}) });
  }
  return wsClient;
}

/** Subscribes over graphql-ws; returns the unsubscribe function. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (d: T) => void, onError?: (e: unknown) => void): () => void {
  return ws().subscribe<T>(
    { query, variables },
    {
      next: (m) => m.data && onData(m.data as T),
      error: (e) => onError?.(e),
      complete: () => undefined,
    },
  );
}

/** Runs a query when its inputs change; `reload` runs it again. */
export function useQuery<T = any>(query: string, variables: Record<string, unknown> = {}, skip = false) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: !skip });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => live && setState({ data, loading: false }),
      (error: ApiError) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [query, key, n, skip]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export async function login(email: string, password: string): Promise<SessionUser> {
  const d = await gql<{ login: { accessToken: string; expiresAt: string; user: SessionUser } }>(
    'mutation($i: LoginInput!) { login(input: $i) { accessToken expiresAt user { id email name role } } }',
    { i: { email, password } },
  );
  setSession({ token: d.login.accessToken, user: d.login.user, expiresAt: d.login.expiresAt });
  return d.login.user;
}

/**
 * Sign-up answers alike whether or not the email was free (no account oracle), so it returns no
 * session: log in with the same password next. If that fails, the email belonged to someone else.
 */
export async function register(name: string, email: string, password: string): Promise<SessionUser> {
  const d = await gql<{ register: { email: string; message: string } }>('mutation($i: RegisterInput!) { register(input: $i) { email message } }', {
    i: { name, email, password },
  });
  try {
    return await login(d.register.email, password);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') throw new ApiError(d.register.message, 'REGISTERED');
    throw e;
  }
}

/** Fetches a file that needs the bearer token (a plain link cannot send it) and saves it. */
export async function download(url: string, filename: string): Promise<void> {
  const res = await fetch(url, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
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
