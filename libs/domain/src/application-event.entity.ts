import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { ActorRole, ApplicationEventKind, ApplicationStage, ScreeningOutcome } from './hiring.enums';

/**
 * The history of an application: every stage move and every screening override, who made it,
 * when, from what to what and why. Append-only.
 */
@Entity('application_events')
// One sequence per application: two concurrent writers cannot both append the same step.
@Index('UQ_application_events_seq', ['applicationId', 'seq'], { unique: true })
export class ApplicationEventEntity extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  applicationId: string;

  /** 1, 2, 3... in the order the events happened (timestamps can tie). */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  kind: ApplicationEventKind;

  /** Null for the first event (the application itself). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStage: ApplicationStage | null;

  @Column({ type: 'varchar', length: 20 })
  toStage: ApplicationStage;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromOutcome: ScreeningOutcome | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toOutcome: ScreeningOutcome | null;

  /** Null when the platform acted (automatic screening). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 20 })
  actorRole: ActorRole;

  @Column({ type: 'text' })
  reason: string;

  /** Set from the application's clock (millisecond precision on every engine). */
  @Column({ type: Date })
  at: Date;
}
