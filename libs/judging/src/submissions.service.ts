import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { IsNull, LessThan, In, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@app/config';
import { Logger } from '@app/common';
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
}

/**
 * Creates submissions and hands them to the queue. A submission the API accepted is never
 * lost: it is stored first (QUEUED), then enqueued; if Redis is down at that moment it stays
 * with enqueuedAt = null and the sweeper enqueues it once Redis is back.
 */
@Injectable()
export class SubmissionsService {
  readonly queue: JudgeQueue;

  constructor(
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.queue = new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts);
  }

  async create(input: NewSubmission): Promise<SubmissionEntity> {
    const saved = await this.submissions.save(
      this.submissions.create({ ...input, attemptId: input.attemptId ?? null, customInput: input.customInput ?? null, state: SubmissionState.QUEUED }),
    );
    await this.tryEnqueue(saved);
    return saved;
  }

  findById(id: string): Promise<SubmissionEntity | null> {
    return this.submissions.findOneBy({ id });
  }

  private async tryEnqueue(s: SubmissionEntity): Promise<boolean> {
    try {
      await this.queue.enqueue(s.id);
      s.enqueuedAt = new Date();
      await this.submissions.update({ id: s.id, enqueuedAt: IsNull() }, { enqueuedAt: s.enqueuedAt });
      return true;
    } catch (e) {
      this.logger.warn({ submissionId: s.id, err: (e as Error).message }, 'could not enqueue; the sweeper will retry');
      return false;
    }
  }

  /**
   * One sweep: enqueue what never reached Redis, and re-enqueue unfinished submissions whose
   * job Redis no longer has (a Redis restart without persistence). Returns how many it sent.
   */
  async sweep(now = new Date(), lostAfterMs = 30_000): Promise<number> {
    let sent = 0;
    const never = await this.submissions.find({
      where: { state: SubmissionState.QUEUED, enqueuedAt: IsNull(), createdAt: LessThan(new Date(now.getTime() - 500)) },
      order: { createdAt: 'ASC' },
      take: 500,
    });
    for (const s of never) if (await this.tryEnqueue(s)) sent++;

    const stale = await this.submissions.find({
      where: { state: In([SubmissionState.QUEUED, SubmissionState.RUNNING]), enqueuedAt: LessThan(new Date(now.getTime() - lostAfterMs)) },
      order: { createdAt: 'ASC' },
      take: 200,
    });
    for (const s of stale) {
      try {
        if (!(await this.queue.has(s.id))) {
          await this.queue.enqueue(s.id);
          sent++;
          this.logger.warn({ submissionId: s.id }, 're-enqueued a submission whose job Redis had lost');
        }
      } catch {
        break; // Redis still down: next sweep.
      }
    }
    return sent;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
