import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invitations expire: past it, an attempt never started cannot start and scores 0 ("not taken"). Null: never (older invitations). */
export class InvitationExpiry1796500000000 implements MigrationInterface {
  name = 'InvitationExpiry1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "attempts" ADD COLUMN "invitationExpiresAt" TIMESTAMP');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "attempts" DROP COLUMN "invitationExpiresAt"');
  }
}
