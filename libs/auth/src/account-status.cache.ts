import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { Role, UserEntity } from '@app/domain';

/** What a request needs to know about the account behind a token, read fresh from the database. */
export interface AccountStatus {
  role: Role;
  email: string;
  active: boolean;
  tokenVersion: number;
  /** The owner erased the account: it never works again (see @app/privacy). */
  erased: boolean;
}

/** Past this many cached accounts the oldest are dropped: memory stays bounded under load. */
const MAX_ENTRIES = 10_000;

/**
 * Every authenticated request re-reads its account (role, active, token version), so a role
 * change, a deactivation or a password reset takes effect on the next request rather than when
 * the token expires. To keep that to one indexed read per account per few seconds, answers are
 * cached for AUTH_RECHECK_SECONDS (0 = no cache). A change made through this instance evicts its
 * entry at once; other API instances see it when their entry expires.
 */
@Injectable()
export class AccountStatusCache {
  private readonly entries = new Map<string, { at: number; status: Promise<AccountStatus | null> }>();
  private readonly ttlMs: number;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.authRecheckSeconds * 1000;
  }

  get(userId: string): Promise<AccountStatus | null> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(userId);
    if (hit && now - hit.at < this.ttlMs) return hit.status;
    // Concurrent requests of one account share one read.
    const status = this.users
      .findOne({ where: { id: userId }, select: { id: true, role: true, email: true, active: true, tokenVersion: true, erasedAt: true } })
      .then((u) => (u ? { role: u.role, email: u.email, active: u.active, tokenVersion: u.tokenVersion, erased: u.erasedAt !== null && u.erasedAt !== undefined } : null));
    // A failed read is not remembered: the next request tries again.
    status.catch(() => this.entries.get(userId)?.status === status && this.entries.delete(userId));
    this.entries.delete(userId);
    if (this.ttlMs > 0) {
      this.entries.set(userId, { at: now, status });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return status;
  }

  invalidate(userId: string): void {
    this.entries.delete(userId);
  }
}
