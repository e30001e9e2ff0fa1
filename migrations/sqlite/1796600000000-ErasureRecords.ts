import { MigrationInterface, QueryRunner } from 'typeorm';

/** Candidates' data rights (issue 14): an erased account is marked, and each erasure is recorded without personal data. */
export class ErasureRecords1796600000000 implements MigrationInterface {
  name = 'ErasureRecords1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "data_erasures" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "erasedAt" datetime NOT NULL, "counts" text NOT NULL)');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_data_erasures_account" ON "data_erasures" ("accountId")');
    await queryRunner.query('ALTER TABLE "users" ADD COLUMN "erasedAt" datetime');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "erasedAt"');
    await queryRunner.query('DROP INDEX "UQ_data_erasures_account"');
    await queryRunner.query('DROP TABLE "data_erasures"');
  }
}
