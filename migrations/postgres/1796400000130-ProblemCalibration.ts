import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 13: a problem's calibrated CPU limits and its known-wrong solutions. */
export class ProblemCalibration1796400000130 implements MigrationInterface {
  name = 'ProblemCalibration1796400000130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "problems" ADD COLUMN "calibration" text');
    await queryRunner.query('ALTER TABLE "problems" ADD COLUMN "wrongSolutions" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "problems" DROP COLUMN "wrongSolutions"');
    await queryRunner.query('ALTER TABLE "problems" DROP COLUMN "calibration"');
  }
}
