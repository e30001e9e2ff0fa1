import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795662482781 implements MigrationInterface {
  name = 'Initial1795662482781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" character varying(36) NOT NULL, \"email\" character varying(254) NOT NULL, \"name\" character varying(200) NOT NULL, \"role\" character varying(20) NOT NULL, \"passwordHash\" character varying(255) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_email\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE TABLE \"application_events\" (\"id\" character varying(36) NOT NULL, \"applicationId\" character varying(36) NOT NULL, \"seq\" integer NOT NULL, \"kind\" character varying(30) NOT NULL, \"fromStage\" character varying(20), \"toStage\" character varying(20) NOT NULL, \"fromOutcome\" character varying(20), \"toOutcome\" character varying(20), \"actorId\" character varying(36), \"actorRole\" character varying(20) NOT NULL, \"reason\" text NOT NULL, \"at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_fd185969787381d8bf8c529bc00\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_application_events_seq\" ON \"application_events\"  (\"applicationId\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"applications\" (\"id\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"candidateId\" character varying(36) NOT NULL, \"profile\" text NOT NULL, \"answers\" text NOT NULL, \"resume\" text NOT NULL, \"stage\" character varying(20) NOT NULL, \"outcome\" character varying(20) NOT NULL, \"autoOutcome\" character varying(20) NOT NULL, \"screeningReasons\" text NOT NULL, \"screeningScore\" double precision, \"skillsMatch\" text NOT NULL, \"skillsScore\" double precision NOT NULL, \"overrideOutcome\" character varying(20), \"overrideReason\" text, \"overriddenById\" character varying(36), \"overriddenAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_938c0a27255637bde919591888f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_applications_job_stage\" ON \"applications\"  (\"jobId\", \"stage\") ");
    await queryRunner.query("CREATE INDEX \"IDX_applications_candidate\" ON \"applications\"  (\"candidateId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_applications_job_candidate\" ON \"applications\"  (\"jobId\", \"candidateId\") ");
    await queryRunner.query("CREATE TABLE \"assessments\" (\"id\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"title\" character varying(200) NOT NULL, \"instructions\" text NOT NULL, \"durationMinutes\" integer NOT NULL, \"problems\" text NOT NULL, \"createdById\" character varying(36) NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3442bd80a00e9111cefca57f6c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_assessments_job\" ON \"assessments\"  (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"attempts\" (\"id\" character varying(36) NOT NULL, \"assessmentId\" character varying(36) NOT NULL, \"applicationId\" character varying(36) NOT NULL, \"candidateId\" character varying(36) NOT NULL, \"tokenHash\" character varying(64) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'INVITED', \"extraTimePercent\" integer NOT NULL DEFAULT '0', \"invitedById\" character varying(36) NOT NULL, \"startedAt\" TIMESTAMP, \"deadline\" TIMESTAMP, \"finishedAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_295ca261e361fd2fd217754dcac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_attempts_token\" ON \"attempts\"  (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_attempts_application\" ON \"attempts\"  (\"applicationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_attempts_assessment\" ON \"attempts\"  (\"assessmentId\") ");
    await queryRunner.query("CREATE TABLE \"interviews\" (\"id\" character varying(36) NOT NULL, \"applicationId\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"interviewerId\" character varying(36) NOT NULL, \"rubricId\" character varying(36) NOT NULL, \"rubricVersion\" integer NOT NULL, \"kind\" character varying(30) NOT NULL, \"scheduledAt\" TIMESTAMP NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'SCHEDULED', \"scheduledById\" character varying(36) NOT NULL, \"cancelReason\" text, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_fd41af1f96d698fa33c2f070f47\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_interviews_application\" ON \"interviews\"  (\"applicationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_interviews_interviewer_scheduled\" ON \"interviews\"  (\"interviewerId\", \"scheduledAt\") ");
    await queryRunner.query("CREATE TABLE \"job_templates\" (\"id\" character varying(36) NOT NULL, \"key\" character varying(100) NOT NULL, \"name\" character varying(200) NOT NULL, \"content\" text NOT NULL, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_70a1c459c05971020eb799467c8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_job_templates_key\" ON \"job_templates\"  (\"key\") ");
    await queryRunner.query("CREATE TABLE \"jobs\" (\"id\" character varying(36) NOT NULL, \"templateId\" character varying(36), \"status\" character varying(20) NOT NULL DEFAULT 'DRAFT', \"title\" character varying(200) NOT NULL, \"location\" character varying(200) NOT NULL, \"employmentType\" character varying(100) NOT NULL, \"about\" text NOT NULL, \"responsibilities\" text NOT NULL, \"qualifications\" text NOT NULL, \"prerequisites\" text NOT NULL, \"hardSkills\" text NOT NULL, \"softSkills\" text NOT NULL, \"tools\" text NOT NULL, \"perks\" text NOT NULL, \"screeningQuestions\" text NOT NULL, \"screeningThreshold\" double precision NOT NULL, \"anonymizedReview\" boolean NOT NULL DEFAULT false, \"createdById\" character varying(36) NOT NULL, \"publishedAt\" TIMESTAMP, \"closedAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_cf0a6c42b72fcc7f7c237def345\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_jobs_status_created\" ON \"jobs\"  (\"status\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" character varying(36) NOT NULL, \"slug\" character varying(100) NOT NULL, \"title\" character varying(200) NOT NULL, \"definition\" text NOT NULL, \"referenceSolutions\" text NOT NULL, \"validationStatus\" character varying(20) NOT NULL DEFAULT 'PENDING', \"validationReport\" text, \"difficulty\" character varying(50) NOT NULL DEFAULT 'General', \"tags\" text NOT NULL, \"createdById\" character varying(36), \"version\" integer NOT NULL DEFAULT '1', \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_b3994afba6ab64a42cda1ccaeff\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_problems_slug\" ON \"problems\"  (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"rubrics\" (\"id\" character varying(36) NOT NULL, \"key\" character varying(100), \"name\" character varying(200) NOT NULL, \"description\" text NOT NULL, \"jobId\" character varying(36), \"sourceRubricId\" character varying(36), \"currentVersion\" integer NOT NULL DEFAULT '1', \"createdById\" character varying(36), \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_3dfcdc7f63f3fa048ebe0293a90\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_rubrics_key\" ON \"rubrics\"  (\"key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_rubrics_job\" ON \"rubrics\"  (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"rubric_versions\" (\"id\" character varying(36) NOT NULL, \"rubricId\" character varying(36) NOT NULL, \"version\" integer NOT NULL, \"criteria\" text NOT NULL, \"redFlags\" text NOT NULL, \"submittedScorecards\" integer NOT NULL DEFAULT '0', \"createdById\" character varying(36), \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_a07f5d509c7c006b1572abdc5ae\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_rubric_versions_rubric_version\" ON \"rubric_versions\"  (\"rubricId\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"scorecards\" (\"id\" character varying(36) NOT NULL, \"interviewId\" character varying(36) NOT NULL, \"applicationId\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"interviewerId\" character varying(36) NOT NULL, \"rubricId\" character varying(36) NOT NULL, \"rubricVersion\" integer NOT NULL, \"kind\" character varying(30) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'DRAFT', \"version\" integer NOT NULL DEFAULT '0', \"ratings\" text NOT NULL, \"redFlags\" text NOT NULL, \"recommendation\" character varying(20), \"notes\" text NOT NULL, \"submittedAt\" TIMESTAMP, \"amendedAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_5ab8d3887ff2fb66e229c1fdd89\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_rubric_version\" ON \"scorecards\"  (\"rubricId\", \"rubricVersion\") ");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_interviewer\" ON \"scorecards\"  (\"interviewerId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_scorecards_application\" ON \"scorecards\"  (\"applicationId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_scorecards_interview\" ON \"scorecards\"  (\"interviewId\") ");
    await queryRunner.query("CREATE TABLE \"scorecard_versions\" (\"id\" character varying(36) NOT NULL, \"scorecardId\" character varying(36) NOT NULL, \"version\" integer NOT NULL, \"ratings\" text NOT NULL, \"redFlags\" text NOT NULL, \"recommendation\" character varying(20) NOT NULL, \"notes\" text NOT NULL, \"reason\" text, \"authorId\" character varying(36) NOT NULL, \"at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_fa0e4e74daae514c4f453d8846f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_scorecard_versions_scorecard_version\" ON \"scorecard_versions\"  (\"scorecardId\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"shortlist_policies\" (\"id\" character varying(36) NOT NULL, \"jobId\" character varying(36) NOT NULL, \"weights\" text NOT NULL, \"requireComponents\" text NOT NULL, \"redFlagMode\" character varying(10) NOT NULL DEFAULT 'PENALTY', \"redFlagPenalties\" text NOT NULL, \"demoteAtSeverity\" character varying(10) NOT NULL DEFAULT 'HIGH', \"minSharedCandidates\" integer NOT NULL DEFAULT '3', \"updatedById\" character varying(36), \"updatedAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_da89df3564ae4493903962dfcac\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_shortlist_policies_job\" ON \"shortlist_policies\"  (\"jobId\") ");
    await queryRunner.query("CREATE TABLE \"submissions\" (\"id\" character varying(36) NOT NULL, \"kind\" character varying(20) NOT NULL, \"problemId\" character varying(36) NOT NULL, \"problemVersion\" integer NOT NULL DEFAULT '1', \"userId\" character varying(36), \"attemptId\" character varying(36), \"language\" character varying(20) NOT NULL, \"source\" text NOT NULL, \"customInput\" text, \"state\" character varying(20) NOT NULL DEFAULT 'QUEUED', \"verdict\" character varying(30), \"score\" double precision, \"passed\" integer NOT NULL DEFAULT '0', \"total\" integer NOT NULL DEFAULT '0', \"compileError\" text, \"warnings\" text, \"results\" text, \"judgeAttempts\" integer NOT NULL DEFAULT '0', \"enqueuedAt\" TIMESTAMP, \"startedAt\" TIMESTAMP, \"finishedAt\" TIMESTAMP, \"createdAt\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_10b3be95b8b2fb1e482e07d706b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_attempt_problem\" ON \"submissions\"  (\"attemptId\", \"problemId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_submissions_state_enqueued\" ON \"submissions\"  (\"state\", \"enqueuedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_submissions_state_enqueued\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_submissions_attempt_problem\"");
    await queryRunner.query("DROP TABLE \"submissions\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_shortlist_policies_job\"");
    await queryRunner.query("DROP TABLE \"shortlist_policies\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_scorecard_versions_scorecard_version\"");
    await queryRunner.query("DROP TABLE \"scorecard_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_scorecards_interview\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_scorecards_application\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_scorecards_interviewer\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_scorecards_rubric_version\"");
    await queryRunner.query("DROP TABLE \"scorecards\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_rubric_versions_rubric_version\"");
    await queryRunner.query("DROP TABLE \"rubric_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_rubrics_job\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_rubrics_key\"");
    await queryRunner.query("DROP TABLE \"rubrics\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_problems_slug\"");
    await queryRunner.query("DROP TABLE \"problems\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_jobs_status_created\"");
    await queryRunner.query("DROP TABLE \"jobs\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_job_templates_key\"");
    await queryRunner.query("DROP TABLE \"job_templates\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_interviews_interviewer_scheduled\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_interviews_application\"");
    await queryRunner.query("DROP TABLE \"interviews\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_attempts_assessment\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_attempts_application\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_attempts_token\"");
    await queryRunner.query("DROP TABLE \"attempts\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_assessments_job\"");
    await queryRunner.query("DROP TABLE \"assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_applications_job_candidate\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_applications_candidate\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_applications_job_stage\"");
    await queryRunner.query("DROP TABLE \"applications\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_application_events_seq\"");
    await queryRunner.query("DROP TABLE \"application_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
