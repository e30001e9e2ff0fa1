import { UuidEntity } from './base.entity';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Language, SubmissionKind, SubmissionState, Verdict } from './enums';

/** One test's outcome as stored. Hidden tests never carry input, expected, actual or output. */
export interface StoredTestResult {
  name: string;
  category?: string;
  /** Performance tests only (issue 13): `performance`, the input's size (`n = 100000`), CPU time and limit. */
  kind?: 'performance';
  size?: string;
  cpuMs?: number;
  cpuLimitMs?: number;
  status: Verdict;
  timeMs: number;
  memoryBytes?: number;
  hidden: boolean;
  weight?: number;
  actual?: unknown;
  output?: string;
  message?: string;
}

@Entity('submissions')
@Index('IDX_submissions_state_enqueued', ['state', 'enqueuedAt'])
@Index('IDX_submissions_attempt_problem', ['attemptId', 'problemId'])
// Admission counts a candidate's in-flight submissions on every submit and sweep (SubmissionsService.admitLocked).
@Index('IDX_submissions_user_state', ['userId', 'state'])
@Index('IDX_submissions_finished', ['finishedAt'])
// A client's retry with the same key finds the first submission; the index settles racing retries.
@Index('UQ_submissions_idempotency', ['userId', 'attemptId', 'idempotencyKey'], { unique: true })
export class SubmissionEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  kind: SubmissionKind;

  @Column({ type: 'varchar', length: 36 })
  problemId: string;

  /** The problem version judged against. */
  @Column({ type: 'integer', default: 1 })
  problemVersion: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attemptId: string | null;

  @Column({ type: 'varchar', length: 20 })
  language: Language;

  @Column({ type: 'text' })
  source: string;

  /** For RUN submissions with custom input: the stdin or JSON args the candidate supplied. */
  /**
   * The client's idempotency key (submitSolution/runCode): unique per user and attempt, so a
   * retried request returns this submission instead of storing another. Null when none was sent.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'simple-json', nullable: true })
  customInput: { stdin?: string; args?: unknown[] } | null;

  @Column({ type: 'varchar', length: 20, default: SubmissionState.QUEUED })
  state: SubmissionState;

  @Column({ type: 'varchar', length: 30, nullable: true })
  verdict: Verdict | null;

  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  @Column({ type: 'integer', default: 0 })
  passed: number;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'simple-json', nullable: true })
  compileError: { message: string; line: number | null; column: number | null } | null;

  @Column({ type: 'simple-json', nullable: true })
  warnings: string[] | null;

  @Column({ type: 'simple-json', nullable: true })
  results: StoredTestResult[] | null;

  /** How many times a worker started judging it (retries and stalled jobs included). */
  @Column({ type: 'integer', default: 0 })
  judgeAttempts: number;

  /**
   * When it was admitted to the judge queue; null while it waits its turn (a candidate has a bounded
   * number admitted at once) or Redis was unreachable. The sweeper admits what waits.
   */
  @Column({ type: Date, nullable: true })
  enqueuedAt: Date | null;

  @Column({ type: Date, nullable: true })
  startedAt: Date | null;

  @Column({ type: Date, nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
