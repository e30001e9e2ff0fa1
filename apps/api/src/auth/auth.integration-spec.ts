import { Role } from '@app/domain';
import { ApiHarness, errorCode, ok, startApi, TEST_PASSWORD } from '@app/testing';

const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { accessToken expiresAt user { id email role } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken user { id role } } }`;
const ME = `{ me { id email name role } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email role } }`;
const USERS = `query($role: Role) { users(role: $role, limit: 10) { total items { email role } } }`;

describe('auth and users (PostgreSQL + Redis)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_ATTEMPTS_PER_EMAIL: '3' });
  });
  afterAll(() => api.close());

  it('registers a candidate who can log in and read me', async () => {
    const reg = ok(await api.gql(REGISTER, { i: { email: 'Cand@Example.com', name: 'Cand', password: 'correct-horse-1' } }));
    expect(reg.register.user).toMatchObject({ email: 'cand@example.com', role: 'CANDIDATE' });
    expect(new Date(reg.register.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const login = ok(await api.gql(LOGIN, { i: { email: 'cand@example.com', password: 'correct-horse-1' } }));
    const me = ok(await api.gql(ME, {}, login.login.accessToken));
    expect(me.me).toEqual({ id: reg.register.user.id, email: 'cand@example.com', name: 'Cand', role: 'CANDIDATE' });
  });

  it('refuses a duplicate email with CONFLICT', async () => {
    await api.gql(REGISTER, { i: { email: 'dup@example.com', name: 'D', password: 'correct-horse-1' } });
    const again = await api.gql(REGISTER, { i: { email: 'DUP@example.com', name: 'D', password: 'correct-horse-1' } });
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('answers BAD_USER_INPUT naming each bad field', async () => {
    const res = await api.gql(REGISTER, { i: { email: 'not-an-email', name: 'X', password: 'short' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password']);
    expect(res.errors![0].message).toMatch(/email: must be a valid email address/);
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

  it('rate-limits failed logins per email, and the message says when to retry', async () => {
    const u = await api.user(Role.CANDIDATE);
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await api.gql(LOGIN, { i: { email: u.email, password: 'wrong-password' } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.gql(LOGIN, { i: { email: u.email, password: TEST_PASSWORD } });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].message).toMatch(/Try again in \d+ s/);
    // Another account from the same IP is not blocked by that email's counter.
    const other = await api.user(Role.CANDIDATE);
    expect(ok(await api.gql(LOGIN, { i: { email: other.email, password: TEST_PASSWORD } })).login.user.id).toBe(other.id);
  });

  it('never returns the password hash through any field', async () => {
    const admin = await api.user(Role.ADMIN);
    const res = await api.gql(`{ __type(name: "User") { fields { name } } }`, {}, admin.token);
    const names = ok(res).__type.fields.map((f: { name: string }) => f.name);
    expect(names).not.toContain('passwordHash');
  });
});
