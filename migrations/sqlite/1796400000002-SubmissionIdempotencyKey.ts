import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmissionIdempotencyKey1796400000002 implements MigrationInterface {
  name = 'SubmissionIdempotencyKey1796400000002';

  // ADD COLUMN rather than the generator's copy-and-rename of "submissions" (its largest table).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "submissions" ADD COLUMN "idempotencyKey" varchar(100)');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_submissions_idempotency" ON "submissions" ("userId", "attemptId", "idempotencyKey") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "UQ_submissions_idempotency"');
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "idempotencyKey"');
  }
}
