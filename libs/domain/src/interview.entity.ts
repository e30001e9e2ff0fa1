import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { InterviewKind, InterviewStatus } from './rubric.enums';

/** One interviewer's interview of an application, scored against one pinned rubric version. */
@Entity('interviews')
@Index('IDX_interviews_interviewer_scheduled', ['interviewerId', 'scheduledAt'])
@Index('IDX_interviews_application', ['applicationId'])
export class InterviewEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  /** The application's job, kept here so lists filter without a join. */
  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  @Column({ type: 'varchar', length: 36 })
  interviewerId: string;

  @Column({ type: 'varchar', length: 36 })
  rubricId: string;

  /** The rubric version at scheduling time; the scorecard is scored against it. */
  @Column({ type: 'integer' })
  rubricVersion: number;

  @Column({ type: 'varchar', length: 30 })
  kind: InterviewKind;

  @Column({ type: Date })
  scheduledAt: Date;

  @Column({ type: 'varchar', length: 20, default: InterviewStatus.SCHEDULED })
  status: InterviewStatus;

  @Column({ type: 'varchar', length: 36 })
  scheduledById: string;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
