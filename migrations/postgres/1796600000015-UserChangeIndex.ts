import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shortlist names interviewers in its explanations: its change read asks which users
 * changed since its last read (a renamed interviewer), a short range scan with this index.
 */
export class UserChangeIndex1796600000015 implements MigrationInterface {
  name = 'UserChangeIndex1796600000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_users_updated" ON "users" ("updatedAt") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_users_updated"');
  }
}
