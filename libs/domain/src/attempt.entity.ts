import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';

export enum AttemptStatus {
  INVITED = 'INVITED',
  IN_PROGRESS = 'IN_PROGRESS',
  FINISHED = 'FINISHED',
}

/**
 * One candidate's invitation to, and attempt at, an assessment. The invitation token is
 * stored only as a SHA-256 hash and works once (to start). `extraTimePercent` is a private
 * accommodation: only recruiters and admins ever read it.
 */
@Entity('attempts')
@Index('IDX_attempts_assessment', ['assessmentId'])
@Index('IDX_attempts_application', ['applicationId'])
@Index('UQ_attempts_token', ['tokenHash'], { unique: true })
@Index('IDX_attempts_updated', ['updatedAt'])
export class AttemptEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  /** The candidate's user id (from the application). */
  @Column({ type: 'varchar', length: 36 })
  candidateId: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20, default: AttemptStatus.INVITED })
  status: AttemptStatus;

  @Column({ type: 'integer', default: 0 })
  extraTimePercent: number;

  @Column({ type: 'varchar', length: 36 })
  invitedById: string;

  /**
   * Past it, an invitation never started cannot start and the assessment counts as "not taken"
   * (0 points) in the shortlist. Null: the invitation does not expire.
   */
  @Column({ type: Date, nullable: true })
  invitationExpiresAt: Date | null;

  @Column({ type: Date, nullable: true })
  startedAt: Date | null;

  @Column({ type: Date, nullable: true })
  deadline: Date | null;

  @Column({ type: Date, nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
