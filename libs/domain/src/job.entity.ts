import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { JobStatus } from './hiring.enums';
import type { HardSkill, PayRange, ScreeningQuestion, ToolCategory, Workplace } from './job-content';

/** A job opening: a copy of a template's content, edited by a recruiter. */
@Entity('jobs')
@Index('IDX_jobs_status_created', ['status', 'createdAt'])
export class JobEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 20, default: JobStatus.DRAFT })
  status: JobStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ type: 'varchar', length: 100 })
  employmentType: string;

  @Column({ type: 'text' })
  about: string;

  @Column({ type: 'simple-json' })
  responsibilities: string[];

  @Column({ type: 'simple-json' })
  qualifications: string[];

  @Column({ type: 'simple-json' })
  prerequisites: string[];

  @Column({ type: 'simple-json' })
  hardSkills: HardSkill[];

  @Column({ type: 'simple-json' })
  softSkills: string[];

  @Column({ type: 'simple-json' })
  tools: ToolCategory[];

  @Column({ type: 'simple-json' })
  perks: string[];

  /** Rules included: never hand them as is to a candidate. */
  @Column({ type: 'simple-json' })
  screeningQuestions: ScreeningQuestion[];

  @Column({ type: 'double precision' })
  screeningThreshold: number;

  @Column({ type: 'simple-json', nullable: true })
  payRange: PayRange | null;

  @Column({ type: 'simple-json', nullable: true })
  workplace: Workplace | null;

  /** Interviewers do not see the candidate's name, email and links until the application is shortlisted. */
  @Column({ type: 'boolean', default: false })
  anonymizedReview: boolean;

  /**
   * Opt-in: a failed knock-out rejects at once. Off (the default), it puts the application in
   * the review queue with its reason, and a recruiter confirms the rejection.
   */
  @Column({ type: 'boolean', default: false })
  autoReject: boolean;

  /**
   * Opt-in: interviewers of an application may read its attempt timelines (relative times only,
   * see @app/assessments timeline views). Off by default: recruiters and admins only.
   */
  @Column({ type: 'boolean', default: false })
  interviewersSeeTimeline: boolean;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ type: Date, nullable: true })
  closedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
