import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795659613930 implements MigrationInterface {
  name = 'Initial1795659613930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254) NOT NULL, \"name\" character varying(200) NOT NULL, \"role\" character varying(20) NOT NULL, \"passwordHash\" character varying(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\"  (\"email\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
