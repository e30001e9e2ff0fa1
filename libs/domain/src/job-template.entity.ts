import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import type { JobContent } from './job-content';

/** A job template loaded from libs/hiring/data/templates/<key>.json at seed time. */
@Entity('job_templates')
export class JobTemplateEntity extends UuidEntity {
  /** The file name without .json; the seeder upserts by it. */
  @Index('UQ_job_templates_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'simple-json' })
  content: JobContent;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
