import { MigrationInterface, QueryRunner } from 'typeorm';

export class SimilarityPairs1796400000100 implements MigrationInterface {
  name = 'SimilarityPairs1796400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"similarity_pairs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"scope\" varchar(20) NOT NULL, \"scopeId\" varchar(36) NOT NULL, \"jobId\" varchar(36) NOT NULL, \"problemId\" varchar(36) NOT NULL, \"language\" varchar(20) NOT NULL, \"leftSubmissionId\" varchar(36) NOT NULL, \"leftAttemptId\" varchar(36) NOT NULL, \"leftApplicationId\" varchar(36) NOT NULL, \"rightSubmissionId\" varchar(36), \"rightAttemptId\" varchar(36), \"rightApplicationId\" varchar(36), \"rightReferenceIndex\" integer, \"similarity\" double precision NOT NULL, \"longestFragment\" integer NOT NULL, \"leftCovered\" double precision NOT NULL, \"rightCovered\" double precision NOT NULL, \"fragments\" text NOT NULL, \"analyzedAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_job\" ON \"similarity_pairs\" (\"jobId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_right_attempt\" ON \"similarity_pairs\" (\"rightAttemptId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_left_attempt\" ON \"similarity_pairs\" (\"leftAttemptId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_group\" ON \"similarity_pairs\" (\"scope\", \"scopeId\", \"problemId\", \"language\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_similarity_pairs_group\"");
    await queryRunner.query("DROP INDEX \"IDX_similarity_pairs_left_attempt\"");
    await queryRunner.query("DROP INDEX \"IDX_similarity_pairs_right_attempt\"");
    await queryRunner.query("DROP INDEX \"IDX_similarity_pairs_job\"");
    await queryRunner.query("DROP TABLE \"similarity_pairs\"");
  }
}
