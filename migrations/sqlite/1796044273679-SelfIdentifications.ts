import { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfIdentifications1796044273679 implements MigrationInterface {
  name = 'SelfIdentifications1796044273679';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"self_identifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"applicationId\" varchar(36) NOT NULL, \"jobId\" varchar(36) NOT NULL, \"answers\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_self_identifications_job\" ON \"self_identifications\" (\"jobId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_self_identifications_application\" ON \"self_identifications\" (\"applicationId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_self_identifications_application\"");
    await queryRunner.query("DROP INDEX \"IDX_self_identifications_job\"");
    await queryRunner.query("DROP TABLE \"self_identifications\"");
  }
}
