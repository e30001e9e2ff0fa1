import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobPayRange1796400000000 implements MigrationInterface {
  name = 'JobPayRange1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "payRange" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "payRange"');
  }
}
