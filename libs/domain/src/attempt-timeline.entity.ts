import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/** What the attempt timeline records. The browser reports the first group, the API the second. */
export enum AttemptEventType {
  PROBLEM_OPENED = 'PROBLEM_OPENED',
  PASTE = 'PASTE',
  FOCUS_LOST = 'FOCUS_LOST',
  FOCUS_REGAINED = 'FOCUS_REGAINED',
  CONNECTION_LOST = 'CONNECTION_LOST',
  CONNECTION_RESTORED = 'CONNECTION_RESTORED',
  // Recorded by the API when it accepts the call, so they cannot be left out by a client.
  RUN = 'RUN',
  SUBMIT = 'SUBMIT',
}

/** Why a code snapshot was taken. */
export enum CodeSnapshotReason {
  ACTIVITY = 'ACTIVITY',
  RUN = 'RUN',
  SUBMIT = 'SUBMIT',
}

/** Details an event may carry; which ones depend on its type. */
export interface AttemptEventData {
  /** PASTE: characters and lines pasted. */
  chars?: number;
  lines?: number;
  /** PASTE: true when the text was not copied inside the assessment page. */
  external?: boolean;
  /** RUN: true when run against the candidate's own input. */
  customInput?: boolean;
  /** FOCUS_LOST: 'hidden' (tab switched, window minimised) or 'blur' (another window took focus). */
  cause?: string;
}

/**
 * One accepted batch of timeline events and code snapshots: the idempotency key (a retried batch
 * is accepted once) and the running size the per-attempt bounds are checked against.
 */
@Entity('attempt_activity_batches')
@Index('UQ_attempt_activity_batches_batch', ['attemptId', 'batchId'], { unique: true })
export class AttemptActivityBatchEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 64 })
  batchId: string;

  @Column({ type: 'integer' })
  events: number;

  @Column({ type: 'integer' })
  snapshots: number;

  /** Bytes this batch stored (event details and snapshot bodies). */
  @Column({ type: 'integer' })
  bytes: number;

  @CreateDateColumn()
  createdAt: Date;
}

/** One event of an attempt's timeline. Evidence for a person to review, never a verdict. */
@Entity('attempt_events')
@Index('IDX_attempt_events_attempt', ['attemptId', 'occurredAt'])
export class AttemptEventEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 64 })
  batchId: string;

  /** Position in its batch: the order the browser saw. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  type: AttemptEventType;

  @Column({ type: 'varchar', length: 36, nullable: true })
  problemId: string | null;

  /** Server time: the batch's arrival minus the event's age as the browser measured it. */
  @Column({ type: Date })
  occurredAt: Date;

  @Column({ type: 'simple-json', nullable: true })
  data: AttemptEventData | null;
}

/**
 * The code of one problem at one moment: a full copy every SNAPSHOT_FULL_EVERY snapshots and a
 * patch against the previous snapshot in between (see libs/assessments/src/timeline/playback.ts).
 */
@Entity('code_snapshots')
@Index('UQ_code_snapshots_seq', ['attemptId', 'problemId', 'seq'], { unique: true })
export class CodeSnapshotEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 36 })
  problemId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 20 })
  language: string;

  /** true: body is the code; false: body is a unified patch against snapshot seq - 1. */
  @Column({ type: 'boolean' })
  full: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 20 })
  reason: CodeSnapshotReason;

  @Column({ type: Date })
  occurredAt: Date;
}
