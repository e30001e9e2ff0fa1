import { MigrationInterface, QueryRunner } from 'typeorm';

/** Jobs name their country of employment and the countries a remote hire may work from. */
export class JobWorkplace1796500000002 implements MigrationInterface {
  name = 'JobWorkplace1796500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "workplace" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "workplace"');
  }
}
