import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795660193311 implements MigrationInterface {
  name = 'Initial1795660193311';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slug\" varchar(100) NOT NULL, \"title\" varchar(200) NOT NULL, \"definition\" text NOT NULL, \"referenceSolutions\" text NOT NULL, \"validationStatus\" varchar(20) NOT NULL DEFAULT ('PENDING'), \"validationReport\" text, \"difficulty\" varchar(50) NOT NULL DEFAULT ('General'), \"tags\" text NOT NULL, \"createdById\" varchar(36), \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_problems_slug\" ON \"problems\" (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"submissions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(20) NOT NULL, \"problemId\" varchar(36) NOT NULL, \"problemVersion\" integer NOT NULL DEFAULT (1), \"userId\" varchar(36), \"attemptId\" varchar(36), \"language\" varchar(20) NOT NULL, \"source\" text NOT NULL, \"customInput\" text, \"state\" varchar(20) NOT NULL DEFAULT ('QUEUED'), \"verdict\" varchar(30), \"score\" double precision, \"passed\" integer NOT NULL DEFAULT (0), \"total\" integer NOT NULL DEFAULT (0), \"compileError\" text, \"warnings\" text, \"results\" text, \"judgeAttempts\" integer NOT NULL DEFAULT (0), \"enqueuedAt\" datetime, \"startedAt\" datetime, \"finishedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_attempt_problem\" ON \"submissions\" (\"attemptId\", \"problemId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_state_enqueued\" ON \"submissions\" (\"state\", \"enqueuedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_submissions_state_enqueued\"");
    await queryRunner.query("DROP INDEX \"IDX_submissions_attempt_problem\"");
    await queryRunner.query("DROP TABLE \"submissions\"");
    await queryRunner.query("DROP INDEX \"UQ_problems_slug\"");
    await queryRunner.query("DROP TABLE \"problems\"");
    await queryRunner.query("DROP INDEX \"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
