import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';

export interface AssessmentProblemRef {
  problemId: string;
  points: number;
}

/** A timed coding assessment for a job: an ordered list of validated problems with points. */
@Entity('assessments')
@Index('IDX_assessments_job', ['jobId'])
export class AssessmentEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  instructions: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** Order matters: it is the order the candidate sees. */
  @Column({ type: 'simple-json' })
  problems: AssessmentProblemRef[];

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
