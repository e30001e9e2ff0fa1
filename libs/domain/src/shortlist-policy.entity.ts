import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { RedFlagSeverity } from './rubric.enums';

export type ShortlistComponent = 'skills' | 'assessment' | 'interview';

/** A job's shortlist rules: component weights, required evidence, red-flag handling. One per job; absent means the defaults. */
@Entity('shortlist_policies')
@Index('UQ_shortlist_policies_job', ['jobId'], { unique: true })
export class ShortlistPolicyEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  jobId: string;

  @Column({ type: 'simple-json' })
  weights: Record<ShortlistComponent, number>;

  @Column({ type: 'simple-json' })
  requireComponents: ShortlistComponent[];

  @Column({ type: 'varchar', length: 10, default: 'PENALTY' })
  redFlagMode: 'PENALTY' | 'DEMOTE';

  @Column({ type: 'simple-json' })
  redFlagPenalties: Record<RedFlagSeverity, number>;

  @Column({ type: 'varchar', length: 10, default: 'HIGH' })
  demoteAtSeverity: RedFlagSeverity;

  @Column({ type: 'integer', default: 3 })
  minSharedCandidates: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById: string | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
