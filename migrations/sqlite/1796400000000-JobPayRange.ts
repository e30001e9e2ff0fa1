import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobPayRange1796400000000 implements MigrationInterface {
  name = 'JobPayRange1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "payRange" text');
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "autoReject" boolean NOT NULL DEFAULT (0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "autoReject"');
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "payRange"');
  }
}
