import { UuidEntity } from './base.entity';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { Permission, Role } from './enums';

@Entity('users')
// A cache that names people (the shortlist's explanations name interviewers) reads who changed since its last read.
@Index('IDX_users_updated', ['updatedAt'])
export class UserEntity extends UuidEntity {
  /** Stored normalized (NFKC, trimmed, lower-cased: see normalizeEmail in @app/auth); unique. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** argon2id encoded hash; never leaves the auth service. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  /** Granted by an admin beyond the role (see Permission). */
  @Column({ type: 'simple-json', default: '[]' })
  permissions: Permission[];

  /** Deactivated accounts cannot log in, and their tokens stop working. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried in every token; bumping it revokes all tokens issued before (deactivation, password reset). */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /**
   * Set when the owner erased the account (see @app/privacy): the email is then a placeholder,
   * the name "Erased candidate", the password hash unusable and the account inactive for good.
   */
  @Column({ type: Date, nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
