import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import WebSocket from 'ws';
import { errorCode, GqlResponse, ok } from '@app/testing';
import { ApiHarness, startApi, TEST_PASSWORD } from '@app/api-testing';

const LOGIN_WITH_COOKIE = `mutation($i: LoginInput!) { loginWithCookie(input: $i) { expiresAt user { id role } } }`;
const ME = `{ me { id email } }`;
const LOGOUT = `mutation($e: Boolean) { logout(everywhere: $e) }`;
const TTL = 900;

interface Cookie {
  name: string;
  value: string;
  attributes: string[];
}

/** The Set-Cookie headers of a response, parsed just enough to assert on. */
function setCookies(res: Response): Map<string, Cookie> {
  const out = new Map<string, Cookie>();
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq), { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes });
  }
  return out;
}

interface WebSession {
  cookie: string;
  csrf: string;
  userId: string;
}

describe('the web session cookie and its CSRF protection (PostgreSQL + Redis)', () => {
  let api: ApiHarness;
  let host: string;

  /** A POST /graphql as a browser would send it (no Authorization header). */
  const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { res, body: (await res.json()) as GqlResponse };
  };
  const asBrowser = (s: WebSession, extra: Record<string, string> = {}) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, origin: `http://${host}`, ...extra });

  const webLogin = async (email: string, headers: Record<string, string> = {}): Promise<WebSession & { res: Response; body: GqlResponse }> => {
    const { res, body } = await post(LOGIN_WITH_COOKIE, { i: { email, password: TEST_PASSWORD } }, { origin: `http://${host}`, ...headers });
    const jar = setCookies(res);
    const session = jar.get('hp_session') ?? jar.get('__Host-hp_session');
    const csrf = jar.get('hp_csrf') ?? jar.get('__Host-hp_csrf');
    return {
      res,
      body,
      cookie: session && csrf ? `${session.name}=${session.value}; ${csrf.name}=${csrf.value}` : '',
      csrf: csrf?.value ?? '',
      userId: (body.data?.loginWithCookie as { user: { id: string } } | undefined)?.user.id ?? '',
    };
  };

  beforeAll(async () => {
    api = await startApi({ JWT_TTL_SECONDS: String(TTL) });
    host = new URL(api.url).host;
  });
  afterAll(() => api.close());

  it('loginWithCookie sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie, and returns no token', async () => {
    const cand = await api.user(Role.CANDIDATE);
    const s = await webLogin(cand.email);
    expect(s.body.errors).toBeUndefined();
    expect(JSON.stringify(s.body)).not.toMatch(/eyJ/); // no JWT in the body
    const jar = setCookies(s.res);
    expect([...jar.keys()].sort()).toEqual(['hp_csrf', 'hp_session']);
    const attrs = (c: Cookie) => c.attributes.map((a) => a.toLowerCase());
    expect(attrs(jar.get('hp_session')!)).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/', `max-age=${TTL}`]));
    expect(attrs(jar.get('hp_session')!)).not.toContain('secure'); // plain HTTP: a Secure cookie would never come back
    expect(attrs(jar.get('hp_csrf')!)).toEqual(expect.arrayContaining(['samesite=strict', 'path=/', `max-age=${TTL}`]));
    expect(attrs(jar.get('hp_csrf')!)).not.toContain('httponly');
    expect(jar.get('hp_session')!.value).toMatch(/^eyJ/);
    expect(s.csrf).toMatch(/^[\w-]{43}$/);

    const me = await post(ME, {}, asBrowser(s));
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data).toEqual({ me: { id: cand.id, email: cand.email } });
  });

  it('over HTTPS (a loopback proxy saying so) the cookies are Secure and __Host- prefixed, and read back under that name', async () => {
    const rec = await api.user(Role.RECRUITER);
    const s = await webLogin(rec.email, { 'x-forwarded-proto': 'https' });
    const jar = setCookies(s.res);
    expect([...jar.keys()].sort()).toEqual(['__Host-hp_csrf', '__Host-hp_session']);
    for (const c of jar.values()) expect(c.attributes.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['secure', 'path=/', 'samesite=strict']));
    expect((await post(ME, {}, asBrowser(s, { 'x-forwarded-proto': 'https' }))).body.data).toEqual({ me: { id: rec.id, email: rec.email } });
  });

  it('refuses a cookie request without CSRF proof with FORBIDDEN (reason CSRF) and an actionable message', async () => {
    const cand = await api.user(Role.CANDIDATE);
    const s = await webLogin(cand.email);
    const other = await webLogin((await api.user(Role.CANDIDATE)).email);

    const missing = await post(ME, {}, { cookie: s.cookie, origin: `http://${host}` });
    expect(errorCode(missing.body)).toBe('FORBIDDEN');
    expect(missing.body.errors![0].extensions!.reason).toBe('CSRF');
    expect(missing.body.errors![0].message).toMatch(/must send the x-csrf-token header with the value of the hp_csrf cookie/);
    expect(missing.body.errors![0].message).toMatch(/Authorization: Bearer/);
    // Another session's CSRF token (a planted cookie pair) does not fit this session.
    const wrong = await post(ME, {}, asBrowser(s, { 'x-csrf-token': other.csrf }));
    expect(errorCode(wrong.body)).toBe('FORBIDDEN');
    expect(wrong.body.errors![0].extensions!.reason).toBe('CSRF');
    // The right token from a page of another origin.
    const foreign = await post(ME, {}, asBrowser(s, { origin: 'https://evil.example' }));
    expect(errorCode(foreign.body)).toBe('FORBIDDEN');
    expect(foreign.body.errors![0].message).toMatch(/another origin \(https:\/\/evil\.example\) cannot use the session cookie/);
    // No Origin at all (not a browser POST) with the right token is fine.
    expect((await post(ME, {}, { cookie: s.cookie, 'x-csrf-token': s.csrf })).body.data).toEqual({ me: { id: cand.id, email: cand.email } });
    // A public field serves the caller anonymously rather than failing.
    const publicField = await post('{ jobs(limit: 1) { total } }', {}, { cookie: s.cookie });
    expect(publicField.body.errors).toBeUndefined();
  });

  it('bearer tokens need no CSRF header, and a stray cookie beside one is ignored', async () => {
    const cand = await api.user(Role.CANDIDATE);
    const res = await post(ME, {}, { authorization: `Bearer ${cand.token}`, origin: 'https://elsewhere.example', cookie: 'hp_session=garbage' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ me: { id: cand.id, email: cand.email } });
    expect(res.res.headers.getSetCookie()).toEqual([]);
  });

  it('the CSV route takes the cookie with the same CSRF proof, and bearer tokens as before', async () => {
    await seedHiring(api.app, { logger: createLogger('silent', 'test'), demo: false });
    const rec = await api.user(Role.RECRUITER);
    const job = ok(await api.gql(`mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`, { i: { templateKey: 'backend-engineer-intern' } }, rec.token));
    const url = `${api.url}/jobs/${job.createJob.id}/shortlist.csv`;
    const s = await webLogin(rec.email);

    const noCsrf = await fetch(url, { headers: { cookie: s.cookie } });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toEqual({ error: { code: 'FORBIDDEN', reason: 'CSRF', message: expect.stringMatching(/x-csrf-token/) } });
    const withCsrf = await fetch(url, { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(withCsrf.status).toBe(200);
    expect(withCsrf.headers.get('content-type')).toMatch(/^text\/csv/);
    const bearer = await fetch(url, { headers: { authorization: `Bearer ${rec.token}` } });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).toBe(await withCsrf.text());
  });

  describe('graphql-ws', () => {
    const SUB = 'subscription { submissionUpdated(id: "00000000-0000-4000-8000-000000000000") { id } }';

    /** One subscription over a raw socket; resolves with the first answer (error or next), or rejects when the upgrade fails. */
    const subscribeRaw = (headers: Record<string, string>) =>
      new Promise<{ type: string; payload: unknown }>((resolve, reject) => {
        const ws = new WebSocket(`${api.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
        ws.on('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode, body })));
        });
        ws.on('error', reject);
        ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
        ws.on('message', (data: Buffer) => {
          const msg = JSON.parse(data.toString()) as { type: string; payload: unknown };
          if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUB } }));
          else if (msg.type === 'error' || msg.type === 'next') {
            resolve(msg);
            ws.close();
          }
        });
      });
    /** The code of the first error: an `error` message carries the errors, a `next` one a result with them. */
    const code = (msg: { type: string; payload: unknown }) => {
      const errors = (msg.type === 'error' ? msg.payload : (msg.payload as { errors?: unknown }).errors) as Array<{ extensions: { code: string } }> | undefined;
      return errors?.[0]?.extensions.code;
    };

    it('authenticates the session cookie of a same-origin upgrade', async () => {
      const s = await webLogin((await api.user(Role.CANDIDATE)).email);
      // Signed in: the unknown submission is NOT_FOUND; without the cookie the same call is UNAUTHENTICATED.
      expect(code(await subscribeRaw({ cookie: s.cookie, origin: `http://${host}` }))).toBe('NOT_FOUND');
      expect(code(await subscribeRaw({ origin: `http://${host}` }))).toBe('UNAUTHENTICATED');
    });

    it('refuses an upgrade that carries the session cookie from another origin', async () => {
      const s = await webLogin((await api.user(Role.CANDIDATE)).email);
      const refused = await subscribeRaw({ cookie: s.cookie, origin: 'https://evil.example' }).then(
        () => null,
        (e: Error & { status?: number; body?: string }) => e,
      );
      expect(refused?.status).toBe(403);
      expect(JSON.parse(refused!.body!)).toEqual({ error: { code: 'FORBIDDEN', reason: 'CSRF', message: expect.stringMatching(/another origin/) } });
    });
  });

  describe('logout', () => {
    it('ends the cookie session: clears both cookies, and the token is refused from then on', async () => {
      const cand = await api.user(Role.CANDIDATE);
      const s = await webLogin(cand.email);
      const token = s.cookie.match(/hp_session=([^;]+)/)![1];

      const out = await post(LOGOUT, {}, asBrowser(s));
      expect(out.body.data).toEqual({ logout: true });
      const jar = setCookies(out.res);
      expect([...jar.keys()].sort()).toEqual(['hp_csrf', 'hp_session']);
      for (const c of jar.values()) {
        expect(c.value).toBe('');
        expect(c.attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a))).toBe(true);
      }

      const after = await post(ME, {}, asBrowser(s));
      expect(errorCode(after.body)).toBe('UNAUTHENTICATED');
      expect(after.body.errors![0].message).toBe('This session was logged out; log in again');
      // A refused cookie is cleared again, so the browser stops sending it.
      expect([...setCookies(after.res).keys()].sort()).toEqual(['hp_csrf', 'hp_session']);
      // The same token sent as a bearer is refused too; the account's other sessions go on.
      expect(errorCode(await api.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
      expect((await api.gql(ME, {}, cand.token)).data).toEqual({ me: { id: cand.id, email: cand.email } });
      // A stale cookie does not stand in the way of logging in again.
      const again = await post(LOGIN_WITH_COOKIE, { i: { email: cand.email, password: TEST_PASSWORD } }, { cookie: s.cookie, origin: `http://${host}` });
      expect(again.body.errors).toBeUndefined();
      // Nothing left to end.
      expect((await post(LOGOUT, {}, asBrowser(s))).body.data).toEqual({ logout: false });
    });

    it('refuses a logout with the cookie but without CSRF proof, and the session goes on', async () => {
      const s = await webLogin((await api.user(Role.CANDIDATE)).email);
      const forged = await post(LOGOUT, {}, { cookie: s.cookie, origin: `http://${host}` });
      expect(errorCode(forged.body)).toBe('FORBIDDEN');
      expect(forged.res.headers.getSetCookie()).toEqual([]);
      expect(errorCode((await post(ME, {}, asBrowser(s))).body)).toBeUndefined();
    });

    it('with a bearer token ends that token only; everywhere ends every token of the account', async () => {
      const cand = await api.user(Role.CANDIDATE);
      const second = await api.login(cand.email, TEST_PASSWORD);
      const third = await api.login(cand.email, TEST_PASSWORD);
      expect((await api.gql(LOGOUT, {}, cand.token)).data).toEqual({ logout: true });
      expect(errorCode(await api.gql(ME, {}, cand.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api.gql(ME, {}, second))).toBeUndefined();

      expect((await api.gql(LOGOUT, { e: true }, second)).data).toEqual({ logout: true });
      const ended = await api.gql(ME, {}, third);
      expect(errorCode(ended)).toBe('UNAUTHENTICATED');
      expect(ended.errors![0].message).toMatch(/session has ended/);
    });
  });
});
