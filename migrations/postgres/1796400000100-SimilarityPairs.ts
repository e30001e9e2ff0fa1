import { MigrationInterface, QueryRunner } from 'typeorm';

export class SimilarityPairs1796400000100 implements MigrationInterface {
  name = 'SimilarityPairs1796400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"similarity_pairs\" (\"id\" character varying(36) NOT NULL, \"scope\" character varying(20) NOT NULL, \"scopeId\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"problemId\" character varying(36) NOT NULL, \"language\" character varying(20) NOT NULL, \"leftSubmissionId\" character varying(36) NOT NULL, \"leftAttemptId\" character varying(36) NOT NULL, \"leftApplicationId\" character varying(36) NOT NULL, \"rightSubmissionId\" character varying(36), \"rightAttemptId\" character varying(36), \"rightApplicationId\" character varying(36), \"rightReferenceIndex\" integer, \"similarity\" double precision NOT NULL, \"longestFragment\" integer NOT NULL, \"leftCovered\" double precision NOT NULL, \"rightCovered\" double precision NOT NULL, \"fragments\" text NOT NULL, \"analyzedAt\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_6917915fb2994b5f27678725c23\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_job\" ON \"similarity_pairs\"  (\"jobId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_right_attempt\" ON \"similarity_pairs\"  (\"rightAttemptId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_left_attempt\" ON \"similarity_pairs\"  (\"leftAttemptId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_similarity_pairs_group\" ON \"similarity_pairs\"  (\"scope\", \"scopeId\", \"problemId\", \"language\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_similarity_pairs_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_similarity_pairs_left_attempt\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_similarity_pairs_right_attempt\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_similarity_pairs_job\"");
    await queryRunner.query("DROP TABLE \"similarity_pairs\"");
  }
}
