import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795662482781 implements MigrationInterface {
  name = 'Initial1795662482781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE TABLE \"application_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"applicationId\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"kind\" varchar(30) NOT NULL, \"fromStage\" varchar(20), \"toStage\" varchar(20) NOT NULL, \"fromOutcome\" varchar(20), \"toOutcome\" varchar(20), \"actorId\" varchar(36), \"actorRole\" varchar(20) NOT NULL, \"reason\" text NOT NULL, \"at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_application_events_seq\" ON \"application_events\" (\"applicationId\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"applications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"jobId\" varchar(36) NOT NULL, \"candidateId\" varchar(36) NOT NULL, \"profile\" text NOT NULL, \"answers\" text NOT NULL, \"resume\" text NOT NULL, \"stage\" varchar(20) NOT NULL, \"outcome\" varchar(20) NOT NULL, \"autoOutcome\" varchar(20) NOT NULL, \"screeningReasons\" text NOT NULL, \"screeningScore\" double precision, \"skillsMatch\" text NOT NULL, \"skillsScore\" double precision NOT NULL, \"overrideOutcome\" varchar(20), \"overrideReason\" text, \"overriddenById\" varchar(36), \"overriddenAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_applications_job_stage\" ON \"applications\" (\"jobId\", \"stage\") ");
    await queryRunner.query("CREATE INDEX \"IDX_applications_candidate\" ON \"applications\" (\"candidateId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_applications_job_candidate\" ON \"applications\" (\"jobId\", \"candidateId\") ");
    await queryRunner.query("CREATE TABLE \"assessments\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"jobId\" varchar(36) NOT NULL, \"title\" varchar(200) NOT NULL, \"instructions\" text NOT NULL, \"durationMinutes\" integer NOT NULL, \"problems\" text NOT NULL, \"createdById\" varchar(36) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_assessments_job\" ON \"assessments\" (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"attempts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"assessmentId\" varchar(36) NOT NULL, \"applicationId\" varchar(36) NOT NULL, \"candidateId\" varchar(36) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('INVITED'), \"extraTimePercent\" integer NOT NULL DEFAULT (0), \"invitedById\" varchar(36) NOT NULL, \"startedAt\" datetime, \"deadline\" datetime, \"finishedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_attempts_token\" ON \"attempts\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_attempts_application\" ON \"attempts\" (\"applicationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_attempts_assessment\" ON \"attempts\" (\"assessmentId\") ");
    await queryRunner.query("CREATE TABLE \"interviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"applicationId\" varchar(36) NOT NULL, \"jobId\" varchar(36) NOT NULL, \"interviewerId\" varchar(36) NOT NULL, \"rubricId\" varchar(36) NOT NULL, \"rubricVersion\" integer NOT NULL, \"kind\" varchar(30) NOT NULL, \"scheduledAt\" datetime NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('SCHEDULED'), \"scheduledById\" varchar(36) NOT NULL, \"cancelReason\" text, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_interviews_application\" ON \"interviews\" (\"applicationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_interviews_interviewer_scheduled\" ON \"interviews\" (\"interviewerId\", \"scheduledAt\") ");
    await queryRunner.query("CREATE TABLE \"job_templates\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"key\" varchar(100) NOT NULL, \"name\" varchar(200) NOT NULL, \"content\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_job_templates_key\" ON \"job_templates\" (\"key\") ");
    await queryRunner.query("CREATE TABLE \"jobs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"templateId\" varchar(36), \"status\" varchar(20) NOT NULL DEFAULT ('DRAFT'), \"title\" varchar(200) NOT NULL, \"location\" varchar(200) NOT NULL, \"employmentType\" varchar(100) NOT NULL, \"about\" text NOT NULL, \"responsibilities\" text NOT NULL, \"qualifications\" text NOT NULL, \"prerequisites\" text NOT NULL, \"hardSkills\" text NOT NULL, \"softSkills\" text NOT NULL, \"tools\" text NOT NULL, \"perks\" text NOT NULL, \"screeningQuestions\" text NOT NULL, \"screeningThreshold\" double precision NOT NULL, \"anonymizedReview\" boolean NOT NULL DEFAULT (0), \"createdById\" varchar(36) NOT NULL, \"publishedAt\" datetime, \"closedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_jobs_status_created\" ON \"jobs\" (\"status\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slug\" varchar(100) NOT NULL, \"title\" varchar(200) NOT NULL, \"definition\" text NOT NULL, \"referenceSolutions\" text NOT NULL, \"validationStatus\" varchar(20) NOT NULL DEFAULT ('PENDING'), \"validationReport\" text, \"difficulty\" varchar(50) NOT NULL DEFAULT ('General'), \"tags\" text NOT NULL, \"createdById\" varchar(36), \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_problems_slug\" ON \"problems\" (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"rubrics\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"key\" varchar(100), \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"jobId\" varchar(36), \"sourceRubricId\" varchar(36), \"currentVersion\" integer NOT NULL DEFAULT (1), \"createdById\" varchar(36), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_rubrics_key\" ON \"rubrics\" (\"key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_rubrics_job\" ON \"rubrics\" (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"rubric_versions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"rubricId\" varchar(36) NOT NULL, \"version\" integer NOT NULL, \"criteria\" text NOT NULL, \"redFlags\" text NOT NULL, \"submittedScorecards\" integer NOT NULL DEFAULT (0), \"createdById\" varchar(36), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_rubric_versions_rubric_version\" ON \"rubric_versions\" (\"rubricId\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"scorecards\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"interviewId\" varchar(36) NOT NULL, \"applicationId\" varchar(36) NOT NULL, \"jobId\" varchar(36) NOT NULL, \"interviewerId\" varchar(36) NOT NULL, \"rubricId\" varchar(36) NOT NULL, \"rubricVersion\" integer NOT NULL, \"kind\" varchar(30) NOT NULL, \"status\" varchar(20) NOT NULL DEFAULT ('DRAFT'), \"version\" integer NOT NULL DEFAULT (0), \"ratings\" text NOT NULL, \"redFlags\" text NOT NULL, \"recommendation\" varchar(20), \"notes\" text NOT NULL, \"submittedAt\" datetime, \"amendedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_rubric_version\" ON \"scorecards\" (\"rubricId\", \"rubricVersion\") ");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_interviewer\" ON \"scorecards\" (\"interviewerId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_application\" ON \"scorecards\" (\"applicationId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_scorecards_interview\" ON \"scorecards\" (\"interviewId\") ");
    await queryRunner.query("CREATE TABLE \"scorecard_versions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"scorecardId\" varchar(36) NOT NULL, \"version\" integer NOT NULL, \"ratings\" text NOT NULL, \"redFlags\" text NOT NULL, \"recommendation\" varchar(20) NOT NULL, \"notes\" text NOT NULL, \"reason\" text, \"authorId\" varchar(36) NOT NULL, \"at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_scorecard_versions_scorecard_version\" ON \"scorecard_versions\" (\"scorecardId\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"shortlist_policies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"jobId\" varchar(36) NOT NULL, \"weights\" text NOT NULL, \"requireComponents\" text NOT NULL, \"redFlagMode\" varchar(10) NOT NULL DEFAULT ('PENALTY'), \"redFlagPenalties\" text NOT NULL, \"demoteAtSeverity\" varchar(10) NOT NULL DEFAULT ('HIGH'), \"minSharedCandidates\" integer NOT NULL DEFAULT (3), \"updatedById\" varchar(36), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_shortlist_policies_job\" ON \"shortlist_policies\" (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"submissions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(20) NOT NULL, \"problemId\" varchar(36) NOT NULL, \"problemVersion\" integer NOT NULL DEFAULT (1), \"userId\" varchar(36), \"attemptId\" varchar(36), \"language\" varchar(20) NOT NULL, \"source\" text NOT NULL, \"customInput\" text, \"state\" varchar(20) NOT NULL DEFAULT ('QUEUED'), \"verdict\" varchar(30), \"score\" double precision, \"passed\" integer NOT NULL DEFAULT (0), \"total\" integer NOT NULL DEFAULT (0), \"compileError\" text, \"warnings\" text, \"results\" text, \"judgeAttempts\" integer NOT NULL DEFAULT (0), \"enqueuedAt\" datetime, \"startedAt\" datetime, \"finishedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_attempt_problem\" ON \"submissions\" (\"attemptId\", \"problemId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_state_enqueued\" ON \"submissions\" (\"state\", \"enqueuedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_submissions_state_enqueued\"");
    await queryRunner.query("DROP INDEX \"IDX_submissions_attempt_problem\"");
    await queryRunner.query("DROP TABLE \"submissions\"");
    await queryRunner.query("DROP INDEX \"UQ_shortlist_policies_job\"");
    await queryRunner.query("DROP TABLE \"shortlist_policies\"");
    await queryRunner.query("DROP INDEX \"UQ_scorecard_versions_scorecard_version\"");
    await queryRunner.query("DROP TABLE \"scorecard_versions\"");
    await queryRunner.query("DROP INDEX \"UQ_scorecards_interview\"");
    await queryRunner.query("DROP INDEX \"IDX_scorecards_application\"");
    await queryRunner.query("DROP INDEX \"IDX_scorecards_interviewer\"");
    await queryRunner.query("DROP INDEX \"IDX_scorecards_rubric_version\"");
    await queryRunner.query("DROP TABLE \"scorecards\"");
    await queryRunner.query("DROP INDEX \"UQ_rubric_versions_rubric_version\"");
    await queryRunner.query("DROP TABLE \"rubric_versions\"");
    await queryRunner.query("DROP INDEX \"IDX_rubrics_job\"");
    await queryRunner.query("DROP INDEX \"UQ_rubrics_key\"");
    await queryRunner.query("DROP TABLE \"rubrics\"");
    await queryRunner.query("DROP INDEX \"UQ_problems_slug\"");
    await queryRunner.query("DROP TABLE \"problems\"");
    await queryRunner.query("DROP INDEX \"IDX_jobs_status_created\"");
    await queryRunner.query("DROP TABLE \"jobs\"");
    await queryRunner.query("DROP INDEX \"UQ_job_templates_key\"");
    await queryRunner.query("DROP TABLE \"job_templates\"");
    await queryRunner.query("DROP INDEX \"IDX_interviews_interviewer_scheduled\"");
    await queryRunner.query("DROP INDEX \"IDX_interviews_application\"");
    await queryRunner.query("DROP TABLE \"interviews\"");
    await queryRunner.query("DROP INDEX \"IDX_attempts_assessment\"");
    await queryRunner.query("DROP INDEX \"IDX_attempts_application\"");
    await queryRunner.query("DROP INDEX \"UQ_attempts_token\"");
    await queryRunner.query("DROP TABLE \"attempts\"");
    await queryRunner.query("DROP INDEX \"IDX_assessments_job\"");
    await queryRunner.query("DROP TABLE \"assessments\"");
    await queryRunner.query("DROP INDEX \"UQ_applications_job_candidate\"");
    await queryRunner.query("DROP INDEX \"IDX_applications_candidate\"");
    await queryRunner.query("DROP INDEX \"IDX_applications_job_stage\"");
    await queryRunner.query("DROP TABLE \"applications\"");
    await queryRunner.query("DROP INDEX \"UQ_application_events_seq\"");
    await queryRunner.query("DROP TABLE \"application_events\"");
    await queryRunner.query("DROP INDEX \"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
