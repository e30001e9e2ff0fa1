import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemPractice1796500000000 implements MigrationInterface {
  name = 'ProblemPractice1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "problems" ADD COLUMN "practice" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "problems" DROP COLUMN "practice"');
  }
}
