import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { IsNull, LessThan, In, MoreThanOrEqual, Not, QueryFailedError, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@app/config';
import { AppError, CLOCK, Clock, ErrorCode, Logger } from '@app/common';
import { LOGGER, REDIS } from '@app/core';
import { Language, SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';
import { JudgeQueue } from '@app/queue';

export interface NewSubmission {
  kind: SubmissionKind;
  problemId: string;
  problemVersion: number;
  userId: string | null;
  attemptId?: string | null;
  language: Language;
  source: string;
  customInput?: SubmissionEntity['customInput'];
  /** The client's key for this request: a retry with the same key (same user and attempt) returns the first submission. */
  idempotencyKey?: string | null;
}

/** How long one admission pass may hold a candidate's lock (it expires if its holder dies). */
const ADMISSION_LOCK_MS = 5000;
/** Passes one admit() call makes for others who found the lock taken; past them the sweeper takes over. */
const ADMISSION_ROUNDS = 5;
const REDIS_TIMEOUT_MS = 2000;
/** An unfinished submission enqueued longer ago than this has its job checked by the sweeper. */
export const LOST_AFTER_MS = 30_000;
const SWEEP_PAGE = 200;
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Creates submissions and hands them to the queue. A submission the API accepted is never
 * lost: it is stored first (QUEUED, enqueuedAt = null), then admitted to the queue.
 *
 * Admission is per candidate (per userId; submissions without one form one group): at most
 * `judge.inFlightPerCandidate` of a candidate's submissions are admitted (enqueuedAt set, in the
 * BullMQ queue or being judged) at a time; the rest wait here, in creation order, and the next
 * one is admitted when one of theirs is judged (JudgeSubmissionHandler) or by the sweeper, so
 * nothing is stranded when a process dies between the two. BullMQ serves its queue in order,
 * so one candidate's backlog puts at most that many jobs ahead of anyone else's next one.
 * If Redis is down, a submission simply stays waiting and the sweeper admits it once Redis is
 * back.
 */
@Injectable()
export class SubmissionsService {
  private readonly prefix: string;
  private readonly inFlightLimit: number;

  constructor(
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    /** Provided by JudgingModule, which also closes it. */
    @Inject(JudgeQueue) readonly queue: JudgeQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.prefix = config.redis.prefix;
    this.inFlightLimit = config.judge.inFlightPerCandidate;
  }

  /**
   * Stores and admits a submission. With an idempotency key, a submission already stored under
   * it (same user and attempt) is returned instead, or IDEMPOTENCY_KEY_REUSED when it was a
   * different request; racing retries are settled by the unique index, whichever insert wins.
   */
  async create(input: NewSubmission): Promise<SubmissionEntity> {
    return (await this.createOnce(input)).submission;
  }

  /** As create, and says whether this call stored it (false: a retry found the first one). */
  async createOnce(input: NewSubmission): Promise<{ submission: SubmissionEntity; created: boolean }> {
    const row = this.submissions.create({
      ...input,
      attemptId: input.attemptId ?? null,
      customInput: input.customInput ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      state: SubmissionState.QUEUED,
      enqueuedAt: null,
    });
    let saved: SubmissionEntity;
    try {
      saved = await this.submissions.save(row);
    } catch (e) {
      const first = input.idempotencyKey && isUniqueViolation(e) ? await this.findByIdempotencyKey(input) : null;
      if (!first) throw e;
      return { submission: first, created: false };
    }
    await this.admit(saved.userId);
    return { submission: saved, created: true };
  }

  /**
   * The submission stored under this request's idempotency key, if any. Throws
   * IDEMPOTENCY_KEY_REUSED when that submission was a different request (another problem,
   * kind, language, source or custom input).
   */
  async findByIdempotencyKey(input: Pick<NewSubmission, 'userId' | 'attemptId' | 'idempotencyKey' | 'kind' | 'problemId' | 'language' | 'source' | 'customInput'>): Promise<SubmissionEntity | null> {
    if (!input.idempotencyKey) return null;
    const first = await this.submissions.findOneBy({ userId: input.userId ?? IsNull(), attemptId: input.attemptId ?? IsNull(), idempotencyKey: input.idempotencyKey });
    if (!first) return null;
    if (!sameRequest(first, input)) {
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        `The idempotency key "${input.idempotencyKey}" was already used for a different request (submission ${first.id}); use a new key for new code`,
        { submissionId: first.id },
      );
    }
    return first;
  }

  findById(id: string): Promise<SubmissionEntity | null> {
    return this.submissions.findOneBy({ id });
  }

  /** The submission's state alone (one column: what an open subscription polls), null when there is none. */
  async stateOf(id: string): Promise<SubmissionState | null> {
    const row = await this.submissions.findOne({ where: { id }, select: { id: true, state: true } });
    return row?.state ?? null;
  }

  /**
   * Admits the candidate's oldest waiting submissions while fewer than the limit are in flight.
   * Returns how many it admitted; never throws (what it could not admit waits for the next
   * call or the sweeper).
   *
   * The count and the admission must not race (two parallel submissions would both see a free
   * slot), so each pass holds a per-candidate lock in Redis. A caller that finds the lock taken
   * leaves a mark instead of waiting; the holder sees the mark after its pass and runs another,
   * which then sees that caller's newly stored submission.
   */
  async admit(userId: string | null): Promise<number> {
    const group = userId ?? 'none';
    const lockKey = `${this.prefix}:admission:lock:${group}`;
    const markKey = `${this.prefix}:admission:again:${group}`;
    let admitted = 0;
    try {
      await within(this.redis.set(markKey, '1', 'PX', ADMISSION_LOCK_MS));
      for (let round = 0; round < ADMISSION_ROUNDS; round++) {
        const token = randomUUID();
        if ((await within(this.redis.set(lockKey, token, 'PX', ADMISSION_LOCK_MS, 'NX'))) !== 'OK') return admitted;
        try {
          await within(this.redis.del(markKey));
          admitted += await this.admitLocked(userId);
        } finally {
          await within(this.redis.eval(RELEASE_LOCK, 1, lockKey, token)).catch(() => undefined);
        }
        if (!(await within(this.redis.exists(markKey)))) return admitted;
      }
    } catch (e) {
      this.logger.warn({ userId, err: (e as Error).message }, 'could not admit submissions to the queue; the sweeper will retry');
    }
    return admitted;
  }

  /**
   * After one of the candidate's submissions got its verdict: admits the next one, if one waits.
   * Most candidates have none waiting, and a full admit() pass costs five Redis round trips and a
   * count; this check is one indexed query (`IDX_submissions_user_state`). No lock is needed for
   * it: a submission stored after the check is admitted by its own request, whose count runs
   * after this verdict was written, and one stored before it is seen here and admitted as before
   * (or marked for the pass that holds the lock). Never throws, like admit().
   */
  async admitNext(userId: string | null): Promise<number> {
    try {
      const waiting = await this.submissions.findOne({
        select: { id: true },
        where: { userId: userId ?? IsNull(), state: SubmissionState.QUEUED, enqueuedAt: IsNull() },
      });
      if (!waiting) return 0;
    } catch {
      // The database did not answer: let admit() try (and log) as it always did.
    }
    return this.admit(userId);
  }

  private async admitLocked(userId: string | null): Promise<number> {
    const who = userId ?? IsNull();
    // RUNNING without enqueuedAt: a job someone put on the queue directly (tests, tools).
    const inFlight = await this.submissions.count({
      where: [
        { userId: who, state: SubmissionState.RUNNING },
        { userId: who, state: SubmissionState.QUEUED, enqueuedAt: Not(IsNull()) },
      ],
    });
    const free = this.inFlightLimit - inFlight;
    if (free <= 0) return 0;
    const next = await this.submissions.find({
      select: { id: true },
      where: { userId: who, state: SubmissionState.QUEUED, enqueuedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: free,
    });
    let admitted = 0;
    for (const { id } of next) {
      // Claimed in the database first: if this process dies before Redis has the job, the
      // sweeper finds an admitted submission with no job and enqueues it.
      const claimed = await this.submissions.update({ id, enqueuedAt: IsNull() }, { enqueuedAt: this.clock.now() });
      if (!claimed.affected) continue;
      try {
        await this.queue.enqueue(id);
        admitted++;
      } catch (e) {
        await this.submissions.update({ id }, { enqueuedAt: null });
        this.logger.warn({ submissionId: id, err: (e as Error).message }, 'could not enqueue; the sweeper will retry');
        break;
      }
    }
    return admitted;
  }

  /**
   * Whether Redis lost its data since the last call (a restart without persistence, a flush):
   * a marker key only a Redis that kept its data still has. The first caller after a loss gets
   * true (SET NX), and should sweep with `lostAfterMs` 0: every unfinished submission's job may be
   * gone, and waiting LOST_AFTER_MS to notice held every candidate's in-flight slots that long
   * (npm run chaos: throughput under faults). Rejects when Redis does not answer.
   */
  async redisLostData(): Promise<boolean> {
    return (await within(this.redis.set(`${this.prefix}:judge:redis-kept-data`, '1', 'NX'))) === 'OK';
  }

  /**
   * Whether this process should sweep now: one sweep per `intervalMs` across every worker (a
   * Redis key set NX for a little less than the interval; it is not released, so a holder that
   * dies mid-sweep costs at most one interval). Every worker used to sweep on its own timer: with
   * three workers, three times the database and Redis work for the same answer (npm run chaos).
   * Rejects when Redis does not answer.
   */
  async claimSweep(intervalMs: number): Promise<boolean> {
    const holdMs = Math.max(1, Math.floor(intervalMs * 0.9));
    return (await within(this.redis.set(`${this.prefix}:judge:sweeper`, randomUUID(), 'PX', holdMs, 'NX'))) === 'OK';
  }

  /**
   * One sweep: admit what waits for admission (Redis was down, or the process that should have
   * admitted it died), and re-enqueue unfinished submissions whose job Redis no longer has (a
   * Redis restart without persistence). An unfinished submission whose job failed for good (the
   * worker died before recording that) goes to `onFailedJob`, which must give it a verdict:
   * otherwise it would hold one of its candidate's slots forever. Returns how many it sent.
   *
   * Its cost does not grow with the backlog beyond one indexed read per page: it admits only for
   * candidates with a free slot (a candidate whose slots are all taken gets the next one admitted
   * by their verdict, `admitNext`), reads ids alone, and checks a page's jobs in one round trip
   * (`JudgeQueue.presence`). It used to run an admission pass (five Redis round trips and two
   * queries) for every candidate with anything waiting, and BullMQ's getJobState, a search of the
   * wait list, for every job older than LOST_AFTER_MS: in a chaos run's backlog, hundreds of each
   * every 2 s in each worker, CPU taken from the sandboxes.
   */
  async sweep(now = this.clock.now(), lostAfterMs = LOST_AFTER_MS, onFailedJob?: (submissionId: string) => Promise<void>): Promise<number> {
    let sent = 0;
    for (const userId of await this.waitingWithFreeSlots(now)) sent += await this.admit(userId);

    // Page by creation time: after Redis lost its data (lostAfterMs 0) every unfinished one is checked.
    const seen = new Set<string>();
    let from: Date | undefined;
    for (;;) {
      const page = await this.submissions.find({
        select: { id: true, createdAt: true },
        where: {
          state: In([SubmissionState.QUEUED, SubmissionState.RUNNING]),
          enqueuedAt: LessThan(new Date(now.getTime() - lostAfterMs)),
          ...(from ? { createdAt: MoreThanOrEqual(from) } : {}),
        },
        order: { createdAt: 'ASC', id: 'ASC' },
        take: SWEEP_PAGE,
      });
      const fresh = page.filter((s) => !seen.has(s.id)).map((s) => s.id);
      for (const id of fresh) seen.add(id);
      let jobs: Map<string, string>;
      try {
        jobs = await this.queue.presence(fresh);
      } catch {
        return sent; // Redis still down: next sweep.
      }
      for (const id of fresh) {
        try {
          const job = jobs.get(id);
          if (job === 'missing') {
            await this.queue.enqueue(id);
            sent++;
            this.logger.warn({ submissionId: id }, 're-enqueued a submission whose job Redis had lost');
          } else if (job === 'failed' && onFailedJob) {
            await onFailedJob(id);
            this.logger.warn({ submissionId: id }, 'gave a verdict to a submission whose job had failed unrecorded');
          }
        } catch {
          return sent; // Redis went down mid-page: next sweep.
        }
      }
      if (page.length < SWEEP_PAGE || !fresh.length) break;
      from = page[page.length - 1].createdAt;
    }
    return sent;
  }

  /**
   * Candidates (userId; null is the group without one) with a submission waiting for admission
   * for over 500 ms (younger: the request that stored it is admitting it now) and fewer than
   * the limit in flight. Two grouped, indexed reads; the count is checked again under the
   * candidate's lock by admit(), so a stale one here only delays an admission to the next sweep.
   */
  private async waitingWithFreeSlots(now: Date): Promise<(string | null)[]> {
    const waiting = await this.submissions
      .createQueryBuilder('s')
      .select('s.userId', 'userId')
      .distinct(true)
      .where('s.state = :queued AND s.enqueuedAt IS NULL AND s.createdAt < :before', {
        queued: SubmissionState.QUEUED,
        before: new Date(now.getTime() - 500),
      })
      .limit(500)
      .getRawMany<{ userId: string | null }>();
    if (!waiting.length) return [];
    // In flight as admitLocked counts it: RUNNING, or QUEUED and admitted.
    const busy = await this.submissions
      .createQueryBuilder('s')
      .select('s.userId', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('(s.state = :running OR (s.state = :queued AND s.enqueuedAt IS NOT NULL))', {
        running: SubmissionState.RUNNING,
        queued: SubmissionState.QUEUED,
      })
      .groupBy('s.userId')
      .getRawMany<{ userId: string | null; n: string | number }>();
    const inFlight = new Map(busy.map((b) => [b.userId ?? null, Number(b.n)]));
    return waiting.map((w) => w.userId ?? null).filter((userId) => (inFlight.get(userId) ?? 0) < this.inFlightLimit);
  }
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && /unique|UNIQUE/.test(e.message);
}

/** Whether a stored submission answers the same request (the problem version may have moved on since). */
export function sameRequest(
  stored: Pick<SubmissionEntity, 'kind' | 'problemId' | 'language' | 'source' | 'customInput'>,
  input: Pick<NewSubmission, 'kind' | 'problemId' | 'language' | 'source' | 'customInput'>,
): boolean {
  return (
    stored.kind === input.kind &&
    stored.problemId === input.problemId &&
    stored.language === input.language &&
    stored.source === input.source &&
    JSON.stringify(stored.customInput ?? null) === JSON.stringify(input.customInput ?? null)
  );
}

/** Rejects when Redis does not answer in time (it queues commands while disconnected). */
async function within<T>(p: Promise<T>, ms = REDIS_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
