import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThanOrEqual, QueryFailedError, Repository } from 'typeorm';
import { AppError, CLOCK, Clock, ErrorCode } from '@app/common';
import {
  AssessmentEntity,
  AttemptActivityBatchEntity,
  AttemptEntity,
  AttemptEventData,
  AttemptEventEntity,
  AttemptEventType,
  AttemptStatus,
  CodeSnapshotEntity,
  CodeSnapshotReason,
  Language,
} from '@app/domain';
import { SOURCE_KB_MAX } from '@app/sandbox';
import { ATTEMPT_LIMITS, AttemptLimits } from '../attempt-limits';
import { acceptsSubmissions } from '../deadline';
import { decodeSnapshots, encodeSnapshot, lastFullSeq } from './playback';
import { TIMELINE_LIMITS } from './timeline-limits';

/** Events the browser may report; RUN and SUBMIT come from the API itself. */
export const CLIENT_EVENT_TYPES: readonly AttemptEventType[] = [
  AttemptEventType.PROBLEM_OPENED,
  AttemptEventType.PASTE,
  AttemptEventType.FOCUS_LOST,
  AttemptEventType.FOCUS_REGAINED,
  AttemptEventType.CONNECTION_LOST,
  AttemptEventType.CONNECTION_RESTORED,
];

export interface ActivityEventIn {
  type: AttemptEventType;
  problemId?: string | null;
  /** How long before the batch was sent the event happened, by the browser's clock (ms). */
  ageMs: number;
  chars?: number | null;
  lines?: number | null;
  external?: boolean | null;
  cause?: string | null;
}

export interface CodeSnapshotIn {
  problemId: string;
  language: Language;
  code: string;
  ageMs: number;
}

export interface ActivityBatchIn {
  batchId: string;
  events: ActivityEventIn[];
  snapshots: CodeSnapshotIn[];
}

export interface ActivityBatchResult {
  batchId: string;
  /** false: this batch id was already accepted; nothing was stored again. */
  stored: boolean;
  events: number;
  snapshots: number;
}

export interface PlaybackFrame {
  seq: number;
  at: Date;
  offsetSeconds: number;
  language: string;
  reason: CodeSnapshotReason;
  code: string;
}

export interface PlaybackPage {
  problemId: string;
  total: number;
  frames: PlaybackFrame[];
}

interface SnapshotToStore {
  problemId: string;
  language: string;
  code: string;
  reason: CodeSnapshotReason;
  occurredAt: Date;
}

const BATCH_ID = /^[A-Za-z0-9_-]{8,64}$/;
const isUniqueViolation = (e: unknown): boolean => e instanceof QueryFailedError && /unique|UNIQUE|duplicate/.test(e.message);

/**
 * The attempt timeline and code playback: what the candidate's browser reports (in batches,
 * idempotent per batch id, rate limited, bounded per attempt), what the API adds itself (runs and
 * submissions, with the exact code), and the reads the audience views are built from.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(AttemptEventEntity) private readonly events: Repository<AttemptEventEntity>,
    @InjectRepository(CodeSnapshotEntity) private readonly snapshots: Repository<CodeSnapshotEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTEMPT_LIMITS) private readonly limits: AttemptLimits,
  ) {}

  /** A batch from the candidate's browser. Only the attempt's candidate, only while it is open. */
  async record(attemptId: string, candidateId: string, batch: ActivityBatchIn): Promise<ActivityBatchResult> {
    const attempt = await this.attempts.findOneBy({ id: attemptId });
    if (!attempt || attempt.candidateId !== candidateId) throw AppError.notFound('Attempt', attemptId);
    const now = this.clock.now();
    if (attempt.status === AttemptStatus.INVITED) throw AppError.precondition('Start the assessment first');
    if (attempt.status === AttemptStatus.FINISHED || !attempt.deadline || !acceptsSubmissions(attempt.deadline, now)) {
      throw AppError.precondition('The assessment is finished; nothing more is recorded');
    }
    const assessment = await this.assessments.findOneByOrFail({ id: attempt.assessmentId });
    checkBatch(batch, new Set(assessment.problems.map((p) => p.problemId)));
    await this.limits.activityBatches.consume(candidateId);

    const at = (ageMs: number) => new Date(Math.max(attempt.startedAt!.getTime(), now.getTime() - ageMs));
    const events = batch.events.map((e, seq) => ({
      seq,
      type: e.type,
      problemId: e.problemId ?? null,
      occurredAt: at(e.ageMs),
      data: eventData(e),
    }));
    const snaps = batch.snapshots.map((s) => ({ problemId: s.problemId, language: s.language, code: s.code, reason: CodeSnapshotReason.ACTIVITY, occurredAt: at(s.ageMs) }));
    return this.write(attemptId, batch.batchId, events, snaps, true);
  }

  /**
   * What the API itself records when it accepts a run or a submission: the event and the exact
   * code, so a replay ends on the submitted code even when the browser's batches were lost. Not
   * bounded by the per-attempt quota: runs and submissions have their own rate limits.
   */
  async recordAction(attemptId: string, submissionId: string, kind: 'RUN' | 'SUBMIT', problemId: string, language: Language, code: string, customInput: boolean): Promise<void> {
    const occurredAt = this.clock.now();
    const type = kind === 'RUN' ? AttemptEventType.RUN : AttemptEventType.SUBMIT;
    const reason = kind === 'RUN' ? CodeSnapshotReason.RUN : CodeSnapshotReason.SUBMIT;
    await this.write(
      attemptId,
      `server-${submissionId}`,
      [{ seq: 0, type, problemId, occurredAt, data: kind === 'RUN' ? { customInput } : null }],
      [{ problemId, language, code, reason, occurredAt }],
      false,
    );
  }

  private async write(
    attemptId: string,
    batchId: string,
    events: Omit<AttemptEventEntity, 'id' | 'attemptId' | 'batchId'>[],
    snaps: SnapshotToStore[],
    bounded: boolean,
  ): Promise<ActivityBatchResult> {
    // A snapshot's seq may race another writer of the same problem (the API's own at a submit):
    // the unique index refuses the loser, which tries again on the new latest snapshot.
    for (let tries = 0; ; tries++) {
      try {
        return await this.ds.transaction((em) => this.writeOnce(em, attemptId, batchId, events, snaps, bounded));
      } catch (e) {
        if (!isUniqueViolation(e) || tries >= 3) throw e;
        const dup = await this.ds.getRepository(AttemptActivityBatchEntity).findOneBy({ attemptId, batchId });
        if (dup) return { batchId, stored: false, events: dup.events, snapshots: dup.snapshots };
      }
    }
  }

  private async writeOnce(
    em: EntityManager,
    attemptId: string,
    batchId: string,
    events: Omit<AttemptEventEntity, 'id' | 'attemptId' | 'batchId'>[],
    snaps: SnapshotToStore[],
    bounded: boolean,
  ): Promise<ActivityBatchResult> {
    // One writer per attempt at a time on PostgreSQL (SQLite runs transactions one at a time
    // already): the snapshots' seq is read, then written.
    if (em.connection.options.type === 'postgres') {
      await em.getRepository(AttemptEntity).findOne({ where: { id: attemptId }, select: { id: true }, lock: { mode: 'pessimistic_write' } });
    }
    const batches = em.getRepository(AttemptActivityBatchEntity);
    const dup = await batches.findOneBy({ attemptId, batchId });
    if (dup) return { batchId, stored: false, events: dup.events, snapshots: dup.snapshots };

    const snapshotRows: Partial<CodeSnapshotEntity>[] = [];
    const byProblem = new Map<string, SnapshotToStore[]>();
    for (const s of snaps) byProblem.set(s.problemId, [...(byProblem.get(s.problemId) ?? []), s]);
    for (const [problemId, list] of byProblem) {
      let { seq, code } = await this.latest(em, attemptId, problemId);
      for (const s of list) {
        seq += 1;
        const enc = encodeSnapshot(seq, code, s.code, TIMELINE_LIMITS.snapshotFullEvery);
        snapshotRows.push({ attemptId, problemId, seq, language: s.language, full: enc.full, body: enc.body, reason: s.reason, occurredAt: s.occurredAt });
        code = s.code;
      }
    }
    const bytes =
      events.reduce((n, e) => n + (e.data ? Buffer.byteLength(JSON.stringify(e.data)) : 0) + 64, 0) +
      snapshotRows.reduce((n, s) => n + Buffer.byteLength(s.body ?? '') + 64, 0);

    if (bounded) {
      const [used] = await batches
        .createQueryBuilder('b')
        .select('COALESCE(SUM(b.events), 0)', 'events')
        .addSelect('COALESCE(SUM(b.bytes), 0)', 'bytes')
        .where('b.attemptId = :attemptId', { attemptId })
        .getRawMany<{ events: string | number; bytes: string | number }>();
      const usedEvents = Number(used.events);
      const usedBytes = Number(used.bytes);
      if (usedEvents + events.length > TIMELINE_LIMITS.eventsPerAttempt || usedBytes + bytes > TIMELINE_LIMITS.bytesPerAttempt) {
        throw new AppError(
          ErrorCode.LIMIT_EXCEEDED,
          `This attempt's timeline is full (at most ${TIMELINE_LIMITS.eventsPerAttempt} events and ${TIMELINE_LIMITS.bytesPerAttempt / 1024 / 1024} MB); nothing more is recorded`,
          { limit: 'timeline', eventsUsed: usedEvents, bytesUsed: usedBytes },
        );
      }
    }
    await batches.insert({ id: randomUUID(), attemptId, batchId, events: events.length, snapshots: snapshotRows.length, bytes });
    if (events.length) await em.getRepository(AttemptEventEntity).insert(events.map((e) => ({ ...e, id: randomUUID(), attemptId, batchId })));
    if (snapshotRows.length) await em.getRepository(CodeSnapshotEntity).insert(snapshotRows.map((r) => ({ ...r, id: randomUUID() })));
    return { batchId, stored: true, events: events.length, snapshots: snapshotRows.length };
  }

  /** The latest snapshot's seq (-1 when none) and its code. */
  private async latest(em: EntityManager, attemptId: string, problemId: string): Promise<{ seq: number; code: string | null }> {
    const repo = em.getRepository(CodeSnapshotEntity);
    const last = await repo.findOne({ where: { attemptId, problemId }, order: { seq: 'DESC' }, select: { seq: true } });
    if (!last) return { seq: -1, code: null };
    const rows = await repo.find({
      where: { attemptId, problemId, seq: MoreThanOrEqual(lastFullSeq(last.seq, TIMELINE_LIMITS.snapshotFullEvery)) },
      order: { seq: 'ASC' },
    });
    const codes = decodeSnapshots(rows);
    return { seq: last.seq, code: codes[codes.length - 1] };
  }

  attempt(attemptId: string): Promise<AttemptEntity | null> {
    return this.attempts.findOneBy({ id: attemptId });
  }

  /** Attempts of an application that were started, oldest first. */
  attemptsOfApplication(applicationId: string): Promise<AttemptEntity[]> {
    return this.attempts.find({ where: { applicationId, status: In([AttemptStatus.IN_PROGRESS, AttemptStatus.FINISHED]) }, order: { createdAt: 'ASC' } });
  }

  /** The attempt's events in time order (the browser's order within a batch). */
  eventsOf(attemptId: string): Promise<AttemptEventEntity[]> {
    return this.events.find({ where: { attemptId }, order: { occurredAt: 'ASC', seq: 'ASC' } });
  }

  /** Snapshots per problem, in the assessment's order of problems. */
  async snapshotCounts(attemptId: string): Promise<{ problemId: string; snapshots: number }[]> {
    const rows = await this.snapshots
      .createQueryBuilder('s')
      .select('s.problemId', 'problemId')
      .addSelect('COUNT(*)', 'n')
      .where('s.attemptId = :attemptId', { attemptId })
      .groupBy('s.problemId')
      .getRawMany<{ problemId: string; n: string | number }>();
    return rows.map((r) => ({ problemId: r.problemId, snapshots: Number(r.n) })).sort((a, b) => a.problemId.localeCompare(b.problemId));
  }

  /** Frames `from` .. `from + limit - 1` of one problem's playback, each with its whole code. */
  async playback(attempt: AttemptEntity, problemId: string, from: number, limit: number): Promise<PlaybackPage> {
    const total = await this.snapshots.countBy({ attemptId: attempt.id, problemId });
    if (from >= total) return { problemId, total, frames: [] };
    const start = lastFullSeq(from, TIMELINE_LIMITS.snapshotFullEvery);
    const rows = await this.snapshots
      .createQueryBuilder('s')
      .where('s.attemptId = :attemptId AND s.problemId = :problemId AND s.seq >= :start AND s.seq < :end', { attemptId: attempt.id, problemId, start, end: from + limit })
      .orderBy('s.seq', 'ASC')
      .getMany();
    const codes = decodeSnapshots(rows);
    const started = attempt.startedAt?.getTime() ?? 0;
    return {
      problemId,
      total,
      frames: rows.flatMap((r, i) =>
        r.seq < from ? [] : [{ seq: r.seq, at: r.occurredAt, offsetSeconds: Math.max(0, Math.round((r.occurredAt.getTime() - started) / 1000)), language: r.language, reason: r.reason, code: codes[i] }],
      ),
    };
  }
}

function eventData(e: ActivityEventIn): AttemptEventData | null {
  const d: AttemptEventData = {};
  if (e.type === AttemptEventType.PASTE) {
    d.chars = e.chars ?? 0;
    d.lines = e.lines ?? 0;
    d.external = e.external ?? true;
  }
  if (e.type === AttemptEventType.FOCUS_LOST && e.cause) d.cause = e.cause;
  return Object.keys(d).length ? d : null;
}

/** Refuses a malformed batch as a whole, naming each problem, before anything is counted. */
export function checkBatch(batch: ActivityBatchIn, problemIds: ReadonlySet<string>): void {
  const problems: { field: string; message: string }[] = [];
  if (!BATCH_ID.test(batch.batchId)) problems.push({ field: 'batchId', message: '8-64 characters: letters, digits, - and _' });
  if (batch.events.length > TIMELINE_LIMITS.eventsPerBatch) problems.push({ field: 'events', message: `at most ${TIMELINE_LIMITS.eventsPerBatch} a batch` });
  if (batch.snapshots.length > TIMELINE_LIMITS.snapshotsPerBatch) problems.push({ field: 'snapshots', message: `at most ${TIMELINE_LIMITS.snapshotsPerBatch} a batch` });
  if (!batch.events.length && !batch.snapshots.length) problems.push({ field: 'events', message: 'a batch needs at least one event or snapshot' });
  const age = (v: number) => Number.isInteger(v) && v >= 0 && v <= TIMELINE_LIMITS.maxEventAgeMs;
  batch.events.forEach((e, i) => {
    if (!CLIENT_EVENT_TYPES.includes(e.type)) problems.push({ field: `events.${i}.type`, message: `${e.type} is recorded by the API itself` });
    if (e.problemId != null && !problemIds.has(e.problemId)) problems.push({ field: `events.${i}.problemId`, message: 'not a problem of this assessment' });
    if (!age(e.ageMs)) problems.push({ field: `events.${i}.ageMs`, message: `an integer from 0 to ${TIMELINE_LIMITS.maxEventAgeMs}` });
    for (const k of ['chars', 'lines'] as const) {
      const v = e[k];
      if (v != null && (!Number.isInteger(v) || v < 0 || v > SOURCE_KB_MAX * 1024)) problems.push({ field: `events.${i}.${k}`, message: `an integer from 0 to ${SOURCE_KB_MAX * 1024}` });
    }
    if (e.cause != null && !['hidden', 'blur'].includes(e.cause)) problems.push({ field: `events.${i}.cause`, message: 'hidden or blur' });
  });
  batch.snapshots.forEach((s, i) => {
    if (!problemIds.has(s.problemId)) problems.push({ field: `snapshots.${i}.problemId`, message: 'not a problem of this assessment' });
    if (!age(s.ageMs)) problems.push({ field: `snapshots.${i}.ageMs`, message: `an integer from 0 to ${TIMELINE_LIMITS.maxEventAgeMs}` });
    if (Buffer.byteLength(s.code, 'utf8') > SOURCE_KB_MAX * 1024) problems.push({ field: `snapshots.${i}.code`, message: `at most ${SOURCE_KB_MAX} KB` });
  });
  if (problems.length) throw AppError.badInput(problems);
}
