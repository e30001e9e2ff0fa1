import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795660193311 implements MigrationInterface {
  name = 'Initial1795660193311';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" character varying(36) NOT NULL, \"email\" character varying(254) NOT NULL, \"name\" character varying(200) NOT NULL, \"role\" character varying(20) NOT NULL, \"passwordHash\" character varying(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" character varying(36) NOT NULL, \"slug\" character varying(100) NOT NULL, \"title\" character varying(200) NOT NULL, \"definition\" text NOT NULL, \"referenceSolutions\" text NOT NULL, \"validationStatus\" character varying(20) NOT NULL DEFAULT 'PENDING', \"validationReport\" text, \"difficulty\" character varying(50) NOT NULL DEFAULT 'General', \"tags\" text NOT NULL, \"createdById\" character varying(36), \"version\" integer NOT NULL DEFAULT '1', \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_b3994afba6ab64a42cda1ccaeff\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_problems_slug\" ON \"problems\"  (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"submissions\" (\"id\" character varying(36) NOT NULL, \"kind\" character varying(20) NOT NULL, \"problemId\" character varying(36) NOT NULL, \"problemVersion\" integer NOT NULL DEFAULT '1', \"userId\" character varying(36), \"attemptId\" character varying(36), \"language\" character varying(20) NOT NULL, \"source\" text NOT NULL, \"customInput\" text, \"state\" character varying(20) NOT NULL DEFAULT 'QUEUED', \"verdict\" character varying(30), \"score\" double precision, \"passed\" integer NOT NULL DEFAULT '0', \"total\" integer NOT NULL DEFAULT '0', \"compileError\" text, \"warnings\" text, \"results\" text, \"judgeAttempts\" integer NOT NULL DEFAULT '0', \"enqueuedAt\" TIMESTAMP, \"startedAt\" TIMESTAMP, \"finishedAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_10b3be95b8b2fb1e482e07d706b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_attempt_problem\" ON \"submissions\"  (\"attemptId\", \"problemId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_state_enqueued\" ON \"submissions\"  (\"state\", \"enqueuedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_submissions_state_enqueued\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_submissions_attempt_problem\"");
    await queryRunner.query("DROP TABLE \"submissions\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_problems_slug\"");
    await queryRunner.query("DROP TABLE \"problems\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
