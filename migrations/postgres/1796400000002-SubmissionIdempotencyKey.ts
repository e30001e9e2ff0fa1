import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmissionIdempotencyKey1796400000002 implements MigrationInterface {
  name = 'SubmissionIdempotencyKey1796400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"submissions\" ADD \"idempotencyKey\" character varying(100)");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_submissions_idempotency\" ON \"submissions\"  (\"userId\", \"attemptId\", \"idempotencyKey\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"UQ_submissions_idempotency\"");
    await queryRunner.query("ALTER TABLE \"submissions\" DROP COLUMN \"idempotencyKey\"");
  }
}
