import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttemptTimeline1796400000010 implements MigrationInterface {
  name = 'AttemptTimeline1796400000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attempt_activity_batches\" (\"id\" character varying(36) NOT NULL, \"attemptId\" character varying(36) NOT NULL, \"batchId\" character varying(64) NOT NULL, \"events\" integer NOT NULL, \"snapshots\" integer NOT NULL, \"bytes\" integer NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_2a2f5b7159dfc5af9c10c09b26f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_attempt_activity_batches_batch\" ON \"attempt_activity_batches\"  (\"attemptId\", \"batchId\") ");
    await queryRunner.query("CREATE TABLE \"attempt_events\" (\"id\" character varying(36) NOT NULL, \"attemptId\" character varying(36) NOT NULL, \"batchId\" character varying(64) NOT NULL, \"seq\" integer NOT NULL, \"type\" character varying(30) NOT NULL, \"problemId\" character varying(36), \"occurredAt\" TIMESTAMP NOT NULL, \"data\" text, CONSTRAINT \"PK_6ad8fe211f16a00efa232560f1b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_attempt_events_attempt\" ON \"attempt_events\"  (\"attemptId\", \"occurredAt\") ");
    await queryRunner.query("CREATE TABLE \"code_snapshots\" (\"id\" character varying(36) NOT NULL, \"attemptId\" character varying(36) NOT NULL, \"problemId\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, \"language\" character varying(20) NOT NULL, \"full\" boolean NOT NULL, \"body\" text NOT NULL, \"reason\" character varying(20) NOT NULL, \"occurredAt\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_71ca6a9112038752feb22433b8e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_code_snapshots_seq\" ON \"code_snapshots\"  (\"attemptId\", \"problemId\", \"seq\") ");
    await queryRunner.query("ALTER TABLE \"jobs\" ADD \"interviewersSeeTimeline\" boolean NOT NULL DEFAULT false");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"jobs\" DROP COLUMN \"interviewersSeeTimeline\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_code_snapshots_seq\"");
    await queryRunner.query("DROP TABLE \"code_snapshots\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_attempt_events_attempt\"");
    await queryRunner.query("DROP TABLE \"attempt_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_attempt_activity_batches_batch\"");
    await queryRunner.query("DROP TABLE \"attempt_activity_batches\"");
  }
}
