import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserTokenVersion1796029588968 implements MigrationInterface {
  name = 'UserTokenVersion1796029588968';

  // ADD COLUMN rather than the generator's copy-and-rename of "users": the copy drops and
  // recreates a table that most others reference.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" ADD COLUMN \"tokenVersion\" integer NOT NULL DEFAULT (0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"tokenVersion\"");
  }
}
