import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppConfig, APP_CONFIG } from '@app/config';
import { AppError, CLOCK, Clock, ErrorCode } from '@app/common';
import { Role, UserEntity } from '@app/domain';
import { normalizeEmail } from './account-policy';
import { AccountStatusCache } from './account-status.cache';
import { LoginLimiter, RegisterLimiter } from './login-limiter';
import { dummyHash, verifyPassword } from './password';
import { TokenRevocations } from './token-revocations';
import { NewUser, UsersService } from './users.service';

export interface AuthUser {
  id: string;
  role: Role;
  email: string;
  /** The token this request came with: its id (`jti`) and expiry (seconds since the epoch). */
  session?: { id: string; expiresAt: number };
}

interface TokenClaims {
  sub: string;
  role: Role;
  email: string;
  /** The account's tokenVersion when issued; a token from an older version is revoked. */
  ver: number;
}

export interface Session {
  /** The token's id (`jti`): what logout revokes and the CSRF token is derived from. */
  id: string;
  accessToken: string;
  expiresAt: Date;
  user: UserEntity;
}

/** The one answer sign-up gives, whether or not the email already had an account. */
export const REGISTRATION_MESSAGE =
  'If this email was free, the candidate account now exists: log in with the password you chose. ' +
  'If the email already had an account, nothing changed; its owner can log in, or ask an administrator to reset the password.';

const INCORRECT = 'Email or password is incorrect';
const LOGGED_OUT = 'This session was logged out; log in again';
const REVOKED = 'Your session has ended (account deactivated or password reset); log in again';
/** What any token of an erased account answers, so a second erasure (or any call) says why. */
export const ERASED_ACCOUNT = 'This account was erased at its owner\'s request: its data is gone and it can no longer be used. Sign up again to apply anew';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly statuses: AccountStatusCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: TokenRevocations,
    // Both provided by AuthCoreModule over Redis.
    @Inject(LoginLimiter) private readonly limiter: LoginLimiter,
    @Inject(RegisterLimiter) private readonly registerLimiter: RegisterLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async login(email: string, password: string, ip: string): Promise<Session> {
    const key = normalizeEmail(email);
    // The point is taken before the password is checked: parallel guesses cannot outrun the count.
    const attempt = await this.limiter.begin(key, ip);
    let user: UserEntity | null;
    let ok: boolean;
    try {
      user = await this.users.findWithHash(key);
      // Verify against a dummy hash for unknown emails: same cost, same answer.
      ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    } catch (e) {
      // Not a wrong password (the database failed): the attempt does not count.
      await attempt.cancel();
      throw e;
    }
    if (!user || !ok) {
      await attempt.failed();
      throw new AppError(ErrorCode.UNAUTHENTICATED, INCORRECT);
    }
    if (!user.active) {
      // Only someone who knows the password learns that the account is deactivated.
      await attempt.failed();
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'This account is deactivated: ask an administrator to reactivate it');
    }
    await attempt.succeeded();
    delete (user as Partial<UserEntity>).passwordHash;
    return this.issue(user);
  }

  /**
   * Re-authentication before a grave, irreversible step (erasing one's account): the account's
   * current password, counted against the same per-email and per-IP limits as login, so a stolen
   * session cannot guess it faster than a login could. False for a wrong password.
   */
  async confirmPassword(user: Pick<AuthUser, 'id' | 'email'>, password: string, ip: string): Promise<boolean> {
    const key = normalizeEmail(user.email);
    const attempt = await this.limiter.begin(key, ip);
    let ok: boolean;
    try {
      const found = await this.users.findWithHash(key);
      ok = !!found && found.id === user.id && (await verifyPassword(found.passwordHash, password));
    } catch (e) {
      await attempt.cancel();
      throw e;
    }
    await (ok ? attempt.succeeded() : attempt.failed());
    return ok;
  }

  /** Candidate sign-up, rate-limited per IP; the same answer whether or not the email was taken. */
  async register(input: Omit<NewUser, 'role'>, ip: string): Promise<{ email: string; message: string }> {
    await this.registerLimiter.take(ip);
    const email = await this.users.register(input);
    return { email, message: REGISTRATION_MESSAGE };
  }

  issue(user: UserEntity): Session {
    const claims: TokenClaims = { sub: user.id, role: user.role, email: user.email, ver: user.tokenVersion ?? 0 };
    // The token id lets one token be revoked (logout) without ending the account's other sessions.
    const id = randomUUID();
    const accessToken = this.jwt.sign(claims, { expiresIn: this.config.jwt.ttlSeconds, jwtid: id });
    return { id, accessToken, expiresAt: new Date(this.clock.now().getTime() + this.config.jwt.ttlSeconds * 1000), user };
  }

  /**
   * Verifies a bearer token and the account behind it. Returns null for a missing token; throws
   * UNAUTHENTICATED for a bad or expired token, or one whose account was deactivated, deleted or
   * had its password reset since. The role is the account's current one, not the token's.
   */
  async verify(token: string | undefined): Promise<AuthUser | null> {
    if (!token) return null;
    let c: TokenClaims & { exp: number; jti?: string };
    try {
      c = this.jwt.verify<TokenClaims & { exp: number; jti?: string }>(token);
      if (!c.sub || !Object.values(Role).includes(c.role)) throw new Error('claims');
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw new AppError(ErrorCode.UNAUTHENTICATED, expired ? 'Your session has expired; log in again' : 'The access token is invalid');
    }
    const [status, loggedOut] = await Promise.all([this.statuses.get(c.sub), c.jti ? this.revocations.isRevoked(c.jti) : false]);
    if (status?.erased) throw new AppError(ErrorCode.UNAUTHENTICATED, ERASED_ACCOUNT);
    if (loggedOut) throw new AppError(ErrorCode.UNAUTHENTICATED, LOGGED_OUT);
    if (!status || !status.active || status.tokenVersion !== (c.ver ?? 0)) throw new AppError(ErrorCode.UNAUTHENTICATED, REVOKED);
    return { id: c.sub, role: status.role, email: status.email, ...(c.jti && { session: { id: c.jti, expiresAt: c.exp } }) };
  }

  /**
   * Ends the session `user` came with: its token is refused from now on, on every API instance,
   * until it would have expired. With `everywhere`, every token of the account ends (token
   * version bump), API clients' included.
   */
  async logout(user: AuthUser, everywhere = false): Promise<void> {
    if (everywhere) await this.users.endSessions(user.id);
    if (user.session) await this.revocations.revoke(user.session.id, user.session.expiresAt, this.clock.now().getTime());
  }

  /**
   * The CSRF token of a session: an HMAC-SHA256 of the token id keyed by the JWT secret (the
   * `csrf:` prefix keeps it apart from the token's own signature). A page of another site cannot
   * read it, and cannot forge it for a session cookie it planted either (the signed
   * double-submit pattern).
   */
  csrfToken(sessionId: string): string {
    return createHmac('sha256', this.config.jwt.secret).update(`csrf:${sessionId}`).digest('base64url');
  }

  csrfMatches(sessionId: string, given: string | undefined): boolean {
    if (!given) return false;
    const expected = Buffer.from(this.csrfToken(sessionId));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
