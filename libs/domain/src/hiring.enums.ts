export enum JobStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}

export enum ScreeningQuestionKind {
  /** A failed answer rejects the application (with the question's reason); an ambiguous one sends it to review. */
  KNOCKOUT = 'KNOCKOUT',
  /** Contributes its weight to the screening score. */
  SCORED = 'SCORED',
  /** Asked and shown to reviewers, never scored: free text is read by a person, not scored by its length. */
  INFORMATIONAL = 'INFORMATIONAL',
}

export enum AnswerType {
  BOOLEAN = 'BOOLEAN',
  CHOICE = 'CHOICE',
  NUMBER = 'NUMBER',
  TEXT = 'TEXT',
}

export enum ScreeningOutcome {
  PASSED = 'PASSED',
  /** A person must decide: an ambiguous knock-out answer or a score below the job's threshold. */
  REVIEW = 'REVIEW',
  /** A knock-out question failed. */
  REJECTED = 'REJECTED',
}

export enum ApplicationStage {
  APPLIED = 'APPLIED',
  SCREENED = 'SCREENED',
  ASSESSMENT = 'ASSESSMENT',
  INTERVIEW = 'INTERVIEW',
  SHORTLISTED = 'SHORTLISTED',
  OFFER = 'OFFER',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum EducationStatus {
  ENROLLED = 'ENROLLED',
  GRADUATED = 'GRADUATED',
  NOT_ENROLLED = 'NOT_ENROLLED',
}

export enum ApplicationEventKind {
  STAGE_CHANGE = 'STAGE_CHANGE',
  SCREENING_OVERRIDE = 'SCREENING_OVERRIDE',
  /** Anonymized review: the candidate's identity became visible (the application reached SHORTLISTED). */
  IDENTITY_REVEALED = 'IDENTITY_REVEALED',
}

/** Who caused an application event: a role, or the platform itself (automatic screening). */
export enum ActorRole {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  INTERVIEWER = 'INTERVIEWER',
  CANDIDATE = 'CANDIDATE',
  SYSTEM = 'SYSTEM',
}

/** What a pay range is quoted per. */
export enum PayPeriod {
  HOUR = 'HOUR',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
