import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shortlist keeps each job's ranking up to date by reading only what changed since its last
 * read ("changed since T" on each owner's timestamp): these indexes make that read a short range
 * scan instead of a pass over every row of the job.
 */
export class ShortlistChangeIndexes1796600000014 implements MigrationInterface {
  name = 'ShortlistChangeIndexes1796600000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_applications_job_updated" ON "applications" ("jobId", "updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_attempts_updated" ON "attempts" ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_submissions_finished" ON "submissions" ("finishedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_scorecards_updated" ON "scorecards" ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_scorecards_job_updated" ON "scorecards" ("jobId", "updatedAt") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_scorecards_job_updated"');
    await queryRunner.query('DROP INDEX "IDX_scorecards_updated"');
    await queryRunner.query('DROP INDEX "IDX_submissions_finished"');
    await queryRunner.query('DROP INDEX "IDX_attempts_updated"');
    await queryRunner.query('DROP INDEX "IDX_applications_job_updated"');
  }
}
