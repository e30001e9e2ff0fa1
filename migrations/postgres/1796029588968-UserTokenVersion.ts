import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserTokenVersion1796029588968 implements MigrationInterface {
  name = 'UserTokenVersion1796029588968';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" ADD \"tokenVersion\" integer NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"tokenVersion\"");
  }
}
