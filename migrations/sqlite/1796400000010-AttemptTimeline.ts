import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttemptTimeline1796400000010 implements MigrationInterface {
  name = 'AttemptTimeline1796400000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attempt_activity_batches\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"attemptId\" varchar(36) NOT NULL, \"batchId\" varchar(64) NOT NULL, \"events\" integer NOT NULL, \"snapshots\" integer NOT NULL, \"bytes\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_attempt_activity_batches_batch\" ON \"attempt_activity_batches\" (\"attemptId\", \"batchId\") ");
    await queryRunner.query("CREATE TABLE \"attempt_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"attemptId\" varchar(36) NOT NULL, \"batchId\" varchar(64) NOT NULL, \"seq\" integer NOT NULL, \"type\" varchar(30) NOT NULL, \"problemId\" varchar(36), \"occurredAt\" datetime NOT NULL, \"data\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_attempt_events_attempt\" ON \"attempt_events\" (\"attemptId\", \"occurredAt\") ");
    await queryRunner.query("CREATE TABLE \"code_snapshots\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"attemptId\" varchar(36) NOT NULL, \"problemId\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"language\" varchar(20) NOT NULL, \"full\" boolean NOT NULL, \"body\" text NOT NULL, \"reason\" varchar(20) NOT NULL, \"occurredAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_code_snapshots_seq\" ON \"code_snapshots\" (\"attemptId\", \"problemId\", \"seq\") ");
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "interviewersSeeTimeline" boolean NOT NULL DEFAULT (0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "interviewersSeeTimeline"');
    await queryRunner.query("DROP INDEX \"UQ_code_snapshots_seq\"");
    await queryRunner.query("DROP TABLE \"code_snapshots\"");
    await queryRunner.query("DROP INDEX \"IDX_attempt_events_attempt\"");
    await queryRunner.query("DROP TABLE \"attempt_events\"");
    await queryRunner.query("DROP INDEX \"UQ_attempt_activity_batches_batch\"");
    await queryRunner.query("DROP TABLE \"attempt_activity_batches\"");
  }
}
