import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795659613930 implements MigrationInterface {
  name = 'Initial1795659613930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\" (\"email\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
