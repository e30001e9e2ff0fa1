import { MigrationInterface, QueryRunner } from 'typeorm';

/** Permissions an admin grants beyond the role (FAIRNESS_REPORT for recruiters). */
export class UserPermissions1796500000001 implements MigrationInterface {
  name = 'UserPermissions1796500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "permissions" text NOT NULL DEFAULT ('[]')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "permissions"');
  }
}
