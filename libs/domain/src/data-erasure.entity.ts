import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/** How many rows of each kind an erasure anonymized or removed: counts only, never a value. */
export interface ErasureCounts {
  applications: number;
  selfIdentifications: number;
  attempts: number;
  submissions: number;
  codeSnapshots: number;
}

/**
 * The record that an account was erased at its owner's request (GDPR Art. 17): which account
 * (its id, which no longer leads to a name or an email), when, and how much was erased. It holds
 * no personal data, and nothing reads it to restore anything: an erasure cannot be undone.
 */
@Entity('data_erasures')
@Index('UQ_data_erasures_account', ['accountId'], { unique: true })
export class DataErasureEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  accountId: string;

  @Column({ type: Date })
  erasedAt: Date;

  @Column({ type: 'simple-json' })
  counts: ErasureCounts;
}
