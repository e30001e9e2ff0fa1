import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmissionUserState1796500000160 implements MigrationInterface {
  name = 'SubmissionUserState1796500000160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_submissions_user_state\" ON \"submissions\"  (\"userId\", \"state\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_submissions_user_state\"");
  }
}
