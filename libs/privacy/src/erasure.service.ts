import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccountStatusCache, AuthService, AuthUser, normalizeEmail } from '@app/auth';
import { AppError, Clock, CLOCK, ErrorCode } from '@app/common';
import {
  ActorRole,
  ApplicationEntity,
  ApplicationEventEntity,
  AttemptEntity,
  CodeSnapshotEntity,
  DataErasureEntity,
  ErasureCounts,
  Role,
  SelfIdentificationEntity,
  SubmissionEntity,
  UserEntity,
} from '@app/domain';
import { ERASE_PHRASE, ERASED_NAME, ERASED_PASSWORD_HASH, erasedEmail, erasedProfile, erasedSkillsMatch, erasedSubmission } from './erased';

/** What a candidate-authored history event says after an erasure (a withdrawal's reason was their own words). */
export const ERASED_REASON = 'Reason erased at the candidate\'s request';

export interface ErasureRequest {
  /** The account's email, or the phrase ERASE_PHRASE, typed by the candidate. */
  confirm: string;
  /** The account's current password (re-authentication). */
  password: string;
}

export interface ErasureReceipt {
  accountId: string;
  erasedAt: Date;
  counts: ErasureCounts;
}

/**
 * A candidate erases their account (GDPR Art. 17). In one transaction: the account becomes an
 * unusable placeholder, every application's profile, answers and résumé are cleared, their code
 * (submissions and recorded snapshots) and what it printed are removed, the accommodation is
 * reset, and the erasure is recorded (data_erasures, no personal data). What staff decided and
 * what counts stays: stages and their history, verdicts, scores, scorecards, skills-match
 * scores, timeline event counts, and the self-identification group labels, which no longer lead
 * to anyone (see docs/api.md, "Your data"). Nothing restores an erased account.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly statuses: AccountStatusCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(user: AuthUser, request: ErasureRequest, ip: string): Promise<ErasureReceipt> {
    if (user.role !== Role.CANDIDATE) throw AppError.forbidden('Only candidates erase their own account; staff accounts are deactivated by an administrator');
    const typed = request.confirm.trim();
    if (normalizeEmail(typed) !== normalizeEmail(user.email) && typed.toLowerCase() !== ERASE_PHRASE) {
      throw AppError.badInput([{ field: 'confirm', message: `type your account's email (${user.email}) or "${ERASE_PHRASE}" to confirm` }]);
    }
    if (!(await this.auth.confirmPassword(user, request.password, ip))) {
      throw AppError.badInput([{ field: 'password', message: 'is not the current password of this account' }]);
    }

    const erasedAt = this.clock.now();
    const counts = await this.ds.transaction((em) => this.eraseWithin(em, user.id, erasedAt));
    // Every token of the account is refused from now on (erasedAt, token version); this instance at once.
    this.statuses.invalidate(user.id);
    await this.auth.logout(user);
    return { accountId: user.id, erasedAt, counts };
  }

  private async eraseWithin(em: EntityManager, accountId: string, erasedAt: Date): Promise<ErasureCounts> {
    // The guarded update settles two erasures racing: the second finds erasedAt set and stops.
    const claimed = await em
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        email: erasedEmail(accountId),
        name: ERASED_NAME,
        passwordHash: ERASED_PASSWORD_HASH,
        permissions: [],
        active: false,
        erasedAt,
        tokenVersion: () => '"tokenVersion" + 1',
      })
      .where('id = :accountId AND "erasedAt" IS NULL AND role = :role', { accountId, role: Role.CANDIDATE })
      .execute();
    if (claimed.affected !== 1) throw new AppError(ErrorCode.CONFLICT, 'This account is already erased');

    const apps = await em.find(ApplicationEntity, { where: { candidateId: accountId } });
    for (const a of apps) {
      await em.update(ApplicationEntity, { id: a.id }, { profile: erasedProfile(a.profile), answers: [], resume: '', skillsMatch: erasedSkillsMatch(a.skillsMatch) });
    }
    const appIds = apps.map((a) => a.id);
    if (appIds.length) {
      // The candidate's own words in the history (a withdrawal's reason); the first event ("Applied") says nothing of them.
      await em
        .createQueryBuilder()
        .update(ApplicationEventEntity)
        .set({ reason: ERASED_REASON })
        .where('"applicationId" IN (:...appIds) AND "actorRole" = :candidate AND seq > 1', { appIds, candidate: ActorRole.CANDIDATE })
        .execute();
    }

    const attempts = await em.find(AttemptEntity, { where: { candidateId: accountId }, select: { id: true } });
    const attemptIds = attempts.map((t) => t.id);
    if (attemptIds.length) await em.update(AttemptEntity, { id: In(attemptIds) }, { extraTimePercent: 0 });

    const subs = await em
      .createQueryBuilder(SubmissionEntity, 's')
      .select(['s.id', 's.compileError', 's.results'])
      .where('s.userId = :accountId', { accountId })
      .orWhere(attemptIds.length ? 's.attemptId IN (:...attemptIds)' : '1 = 0', { attemptIds })
      .getMany();
    // simple-json columns hold unknown values (a test's return value), which TypeORM's partial type cannot express.
    for (const s of subs) await em.update(SubmissionEntity, { id: s.id }, erasedSubmission(s) as QueryDeepPartialEntity<SubmissionEntity>);

    // A snapshot chain is patches on a full copy: every one becomes an empty full copy, so playback still replays (empty code).
    const snapshots = attemptIds.length ? await em.update(CodeSnapshotEntity, { attemptId: In(attemptIds) }, { body: '', full: true }) : { affected: 0 };

    const counts: ErasureCounts = {
      applications: apps.length,
      selfIdentifications: appIds.length ? await em.count(SelfIdentificationEntity, { where: { applicationId: In(appIds) } }) : 0,
      attempts: attemptIds.length,
      submissions: subs.length,
      codeSnapshots: snapshots.affected ?? 0,
    };
    await em.save(em.create(DataErasureEntity, { accountId, erasedAt, counts }));
    return counts;
  }
}
