import { CLOCK, Clock, createLogger } from '@app/common';
import { Role } from '@app/domain';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { errorCode, gql, GqlResponse, ok, subscribe } from '@app/testing';
import { ApiHarness, startApi, TEST_PASSWORD } from '@app/api-testing';
import { createApi } from '../bootstrap';

const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { email message } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken user { id role } } }`;
const ME = `{ me { id email name role } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email role } }`;
const USERS = `query($role: Role) { users(role: $role, limit: 10) { total items { email role } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { id active } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id role name } }`;
const RESET = `mutation($id: ID!, $i: ResetPasswordInput!) { resetUserPassword(id: $id, input: $i) { id } }`;

// The API trusts X-Forwarded-For from loopback (a local proxy), which lets one test play many IPs.
let ipCounter = 0;
const freshIp = () => `10.${(++ipCounter >> 8) & 255}.${ipCounter & 255}.7`;
const codes = (rs: GqlResponse<unknown>[]) => rs.map((r) => errorCode(r) ?? 'OK');
const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

describe('auth and users (PostgreSQL + Redis)', () => {
  let api: ApiHarness;
  const from = (ip: string, query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gql(api.url, query, variables, token, { 'x-forwarded-for': ip });
  const login = (email: string, password: string, ip = freshIp()) => from(ip, LOGIN, { i: { email, password } });
  const register = (i: Record<string, string>, ip = freshIp()) => from(ip, REGISTER, { i });

  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '8', REGISTER_MAX_PER_IP: '3' });
  });
  afterAll(() => api.close());

  it('registers a candidate who then logs in and reads me', async () => {
    const reg = ok(await register({ email: ' Cand@Example.com', name: ' Cand ', password: 'correct-horse-1' }));
    expect(reg.register.email).toBe('cand@example.com');
    const session = ok(await login('cand@example.com', 'correct-horse-1'));
    const me = ok(await api.gql(ME, {}, session.login.accessToken));
    expect(me.me).toEqual({ id: session.login.user.id, email: 'cand@example.com', name: 'Cand', role: 'CANDIDATE' });
  });

  it('answers sign-up alike whether or not the email is taken, and leaves the existing account untouched', async () => {
    const admin = await api.user(Role.ADMIN, 'boss@example.com');
    const fresh = await register({ email: 'newbie@example.com', name: 'N', password: 'attacker-pass-1' });
    // The same address, exactly, and as a full-width look-alike (NFKC folds it onto the admin's).
    const taken = await register({ email: 'boss@example.com', name: 'N', password: 'attacker-pass-1' });
    const lookAlike = await register({ email: '\uff42oss@example.com', name: 'N', password: 'attacker-pass-1' });
    for (const r of [taken, lookAlike]) {
      expect(r.errors).toBeUndefined();
      expect(Object.keys(r.data!.register)).toEqual(Object.keys(fresh.data!.register));
      expect(r.data!.register.message).toBe(fresh.data!.register.message);
      expect(r.data!.register.email).toBe('boss@example.com');
    }
    // No look-alike account exists and the admin's password did not change.
    expect(errorCode(await login('boss@example.com', 'attacker-pass-1'))).toBe('UNAUTHENTICATED');
    expect(ok(await login('\uff42oss@example.com', TEST_PASSWORD)).login.user.id).toBe(admin.id);
    const list = ok(await api.gql(USERS, { role: 'ADMIN' }, admin.token));
    expect(list.users.items.filter((u: { email: string }) => u.email.endsWith('oss@example.com'))).toHaveLength(1);
  });

  it('rate-limits sign-up per IP', async () => {
    const ip = freshIp();
    const rs = [];
    for (let i = 0; i < 4; i++) rs.push(await register({ email: `burst${i}@example.com`, name: 'B', password: 'correct-horse-1' }, ip));
    expect(codes(rs)).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    expect(rs[3].errors![0].message).toMatch(/Too many sign-ups from your network\. Try again in \d+ s\./);
    expect(errorCode(await register({ email: 'burst9@example.com', name: 'B', password: 'correct-horse-1' }))).toBeUndefined();
  });

  it('answers BAD_USER_INPUT naming each bad field', async () => {
    const res = await register({ email: 'not-an-email', name: 'X', password: 'short' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password']);
    expect(res.errors![0].message).toMatch(/email: must be a valid email address/);
  });

  it.each([
    ['aaaaaaaaaa', /password: is too easy to guess/],
    [' '.repeat(10), /password: must not be only spaces/],
    ['password123', /password: is one of the most common passwords/],
    ['trivial-one@example.com', /password: must not be your email address/],
    ['Trivial-One', /password: must not be your email address or the part before the @/],
  ])('refuses the trivial password %j at sign-up and at staff creation', async (password, message) => {
    const res = await register({ email: 'trivial-one@example.com', name: 'T', password });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect((res.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['password']);
    const admin = await api.user(Role.ADMIN);
    const staff = await api.gql(CREATE_USER, { i: { email: 'trivial-one@example.com', name: 'T', password, role: 'RECRUITER' } }, admin.token);
    expect(errorCode(staff)).toBe('BAD_USER_INPUT');
  });

  it('refuses control and bidi-override characters in names', async () => {
    for (const name of ['Mallory\u202Efdp.exe', 'Mal\u0000lory', 'Mal\u2067lory']) {
      const res = await register({ email: 'mallory@example.com', name, password: 'correct-horse-1' });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([{ field: 'name', message: expect.stringMatching(/control or text-direction/) }]);
    }
  });

  it('answers UNAUTHENTICATED without a token and for a forged one', async () => {
    expect(errorCode(await api.gql(ME))).toBe('UNAUTHENTICATED');
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.bm90LXRoZS1zaWduYXR1cmU';
    const res = await api.gql(ME, {}, forged);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe('The access token is invalid');
  });

  it('answers FORBIDDEN when a candidate calls a staff-only field', async () => {
    const cand = await api.user(Role.CANDIDATE);
    const res = await api.gql(USERS, {}, cand.token);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    expect(errorCode(await api.gql(CREATE_USER, { i: { email: 'x@example.com', name: 'X', password: 'correct-horse-1', role: 'ADMIN' } }, cand.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DEACTIVATE, { id: cand.id }, cand.token))).toBe('FORBIDDEN');
  });

  it('lets an admin create staff and a recruiter create interviewers but not admins', async () => {
    const admin = await api.user(Role.ADMIN);
    const rec = ok(await api.gql(CREATE_USER, { i: { email: 'rec@example.com', name: 'R', password: 'correct-horse-1', role: 'RECRUITER' } }, admin.token));
    expect(rec.createUser).toMatchObject({ email: 'rec@example.com', role: 'RECRUITER' });
    const recToken = await api.login('rec@example.com', 'correct-horse-1');
    const iv = ok(await api.gql(CREATE_USER, { i: { email: 'iv@example.com', name: 'I', password: 'correct-horse-1', role: 'INTERVIEWER' } }, recToken));
    expect(iv.createUser.role).toBe('INTERVIEWER');
    const denied = await api.gql(CREATE_USER, { i: { email: 'adm@example.com', name: 'A', password: 'correct-horse-1', role: 'ADMIN' } }, recToken);
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const cand = await api.gql(CREATE_USER, { i: { email: 'c2@example.com', name: 'C', password: 'correct-horse-1', role: 'CANDIDATE' } }, admin.token);
    expect(errorCode(cand)).toBe('FORBIDDEN');
    const list = ok(await api.gql(USERS, { role: 'INTERVIEWER' }, recToken));
    expect(list.users.items.map((u: { email: string }) => u.email)).toContain('iv@example.com');
  });

  describe('login limits', () => {
    it('40 parallel logins for one account (39 wrong, 1 right): at most 5 reach the password check', async () => {
      const u = await api.user(Role.CANDIDATE);
      const ip = freshIp();
      const attempts = Array.from({ length: 40 }, (_, i) => login(u.email, i === 20 ? TEST_PASSWORD : `wrong-password-${i}`, ip));
      const got = codes(await Promise.all(attempts));
      expect(count(got, 'RATE_LIMITED')).toBeGreaterThanOrEqual(35);
      expect(got.length - count(got, 'RATE_LIMITED')).toBeLessThanOrEqual(5);
      // Afterwards that IP is refused for that account even with the right password...
      const blocked = await login(u.email, TEST_PASSWORD, ip);
      expect(errorCode(blocked)).toBe('RATE_LIMITED');
      expect(blocked.errors![0].message).toMatch(/Try again in \d+ s/);
      expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      // ...while another account from the same IP is not.
      const other = await api.user(Role.CANDIDATE);
      expect(ok(await login(other.email, TEST_PASSWORD, ip)).login.user.id).toBe(other.id);
    });

    it('70 parallel failures from one IP: at most 50 reach the password check', async () => {
      const ip = freshIp();
      const got = codes(await Promise.all(Array.from({ length: 70 }, (_, i) => login(`nobody-${i}@example.com`, 'wrong-password', ip))));
      expect(count(got, 'UNAUTHENTICATED')).toBeLessThanOrEqual(50);
      expect(count(got, 'RATE_LIMITED')).toBeGreaterThanOrEqual(20);
    });

    it("strangers' failures from many IPs lock the account for new IPs, with backoff, but not for its owner at a known IP", async () => {
      const owner = await api.user(Role.ADMIN);
      const home = freshIp();
      ok(await login(owner.email, TEST_PASSWORD, home)); // `home` becomes a known source
      // A botnet: 2 guesses from each of 6 IPs, sequentially so the order is known.
      const got: string[] = [];
      for (let i = 0; i < 6; i++) {
        const ip = freshIp();
        for (let j = 0; j < 2; j++) got.push(errorCode(await login(owner.email, `guess-${i}-${j}-xx`, ip))!);
      }
      expect(got.slice(0, 8)).toEqual(Array(8).fill('UNAUTHENTICATED'));
      expect(got.slice(8)).toEqual(Array(4).fill('RATE_LIMITED'));
      const newIp = await login(owner.email, TEST_PASSWORD, freshIp());
      expect(errorCode(newIp)).toBe('RATE_LIMITED');
      expect(newIp.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(api.config.login.windowSeconds - 5);
      // The owner at home: not locked out.
      expect(ok(await login(owner.email, TEST_PASSWORD, home)).login.user.id).toBe(owner.id);
      // And a stranger's 5 failures at one IP never touch the owner's own bucket at home.
      expect(ok(await login(` ${owner.email.toUpperCase()} `, TEST_PASSWORD, home)).login.user.role).toBe('ADMIN');
    });
  });

  describe('account changes take effect on the next request', () => {
    it('a deactivated account cannot log in and its existing token stops working; reactivation brings no old token back', async () => {
      const admin = await api.user(Role.ADMIN);
      const cand = await api.user(Role.CANDIDATE);
      expect(ok(await api.gql(ME, {}, cand.token)).me.id).toBe(cand.id);
      expect(ok(await api.gql(DEACTIVATE, { id: cand.id }, admin.token)).deactivateUser).toEqual({ id: cand.id, active: false });

      const after = await api.gql(ME, {}, cand.token);
      expect(errorCode(after)).toBe('UNAUTHENTICATED');
      expect(after.errors![0].message).toMatch(/session has ended/);
      const refused = await login(cand.email, TEST_PASSWORD);
      expect(errorCode(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors![0].message).toMatch(/deactivated/);
      // Over graphql-ws too.
      const sub = subscribe(api.url, cand.token, 'subscription { submissionUpdated(id: "00000000-0000-4000-8000-000000000000") { id } }');
      await expect(sub.completed).rejects.toThrow(/session has ended/);
      await sub.close();

      ok(await api.gql(REACTIVATE, { id: cand.id }, admin.token));
      expect(errorCode(await api.gql(ME, {}, cand.token))).toBe('UNAUTHENTICATED');
      const again = ok(await login(cand.email, TEST_PASSWORD));
      expect(ok(await api.gql(ME, {}, again.login.accessToken)).me.id).toBe(cand.id);
    });

    it('a role change applies to the existing token at once; candidates never become staff; admins cannot demote or deactivate themselves', async () => {
      const admin = await api.user(Role.ADMIN);
      const rec = await api.user(Role.RECRUITER);
      expect(ok(await api.gql(USERS, {}, rec.token)).users.total).toBeGreaterThan(0);
      expect(ok(await api.gql(UPDATE, { id: rec.id, i: { role: 'INTERVIEWER' } }, admin.token)).updateUser.role).toBe('INTERVIEWER');
      expect(errorCode(await api.gql(USERS, {}, rec.token))).toBe('FORBIDDEN');
      expect(ok(await api.gql(ME, {}, rec.token)).me.role).toBe('INTERVIEWER');

      const cand = await api.user(Role.CANDIDATE);
      const promote = await api.gql(UPDATE, { id: cand.id, i: { role: 'RECRUITER' } }, admin.token);
      expect(errorCode(promote)).toBe('BAD_USER_INPUT');
      expect((promote.errors![0].extensions!.fields as Array<{ field: string }>)[0].field).toBe('role');
      expect(errorCode(await api.gql(UPDATE, { id: admin.id, i: { role: 'RECRUITER' } }, admin.token))).toBe('FAILED_PRECONDITION');
      expect(errorCode(await api.gql(DEACTIVATE, { id: admin.id }, admin.token))).toBe('FAILED_PRECONDITION');
      expect(errorCode(await api.gql(UPDATE, { id: rec.id, i: { name: 'Bad\u202Ename' } }, admin.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await api.gql(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, admin.token))).toBe('NOT_FOUND');
    });

    it('an admin password reset refuses trivial passwords, ends the sessions, and the new password works', async () => {
      const admin = await api.user(Role.ADMIN);
      const cand = await api.user(Role.CANDIDATE);
      expect(errorCode(await api.gql(RESET, { id: cand.id, i: { password: 'aaaaaaaaaa' } }, admin.token))).toBe('BAD_USER_INPUT');
      ok(await api.gql(RESET, { id: cand.id, i: { password: 'brand-new-pass-7' } }, admin.token));
      expect(errorCode(await api.gql(ME, {}, cand.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(cand.email, TEST_PASSWORD))).toBe('UNAUTHENTICATED');
      ok(await login(cand.email, 'brand-new-pass-7'));
    });

    it('another API instance stops honouring a deactivated token once its cache entry expires (injected clock)', async () => {
      const b: INestApplication = await createApi(api.config, createLogger('silent', 'api-b'));
      await b.listen(0, '127.0.0.1');
      const bUrl = `http://127.0.0.1:${(b.getHttpServer().address() as AddressInfo).port}`;
      const clock = b.get<Clock>(CLOCK);
      let skewMs = 0;
      const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + skewMs));
      try {
        const admin = await api.user(Role.ADMIN);
        const cand = await api.user(Role.CANDIDATE);
        expect(ok(await gql(bUrl, ME, {}, cand.token)).me.id).toBe(cand.id); // now cached on B
        ok(await api.gql(DEACTIVATE, { id: cand.id }, admin.token)); // through A
        expect(errorCode(await api.gql(ME, {}, cand.token))).toBe('UNAUTHENTICATED'); // A: at once
        skewMs = (api.config.authRecheckSeconds - 1) * 1000;
        expect(ok(await gql(bUrl, ME, {}, cand.token)).me.id).toBe(cand.id); // B: still within the TTL
        skewMs = api.config.authRecheckSeconds * 1000;
        expect(errorCode(await gql(bUrl, ME, {}, cand.token))).toBe('UNAUTHENTICATED'); // B: TTL over
      } finally {
        spy.mockRestore();
        await b.close();
      }
    });
  });

  it('never returns the password hash or token version through any field', async () => {
    const admin = await api.user(Role.ADMIN);
    const res = await api.gql(`{ __type(name: "User") { fields { name } } }`, {}, admin.token);
    const names = ok(res).__type.fields.map((f: { name: string }) => f.name);
    expect(names).not.toContain('passwordHash');
    expect(names).not.toContain('tokenVersion');
  });
});
