/** The three conversations of the interview loop; a rubric groups its criteria by them. */
export enum InterviewKind {
  CODING_FUNDAMENTALS = 'CODING_FUNDAMENTALS',
  SYSTEM_DESIGN = 'SYSTEM_DESIGN',
  BEHAVIORAL = 'BEHAVIORAL',
}

/** Where a criterion or red flag comes from: the hiring FAQ or a requirement of the job description. */
export enum CitationKind {
  FAQ = 'FAQ',
  REQUIREMENT = 'REQUIREMENT',
}

export enum RedFlagSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum InterviewStatus {
  SCHEDULED = 'SCHEDULED',
  /** Its scorecard was submitted. */
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum ScorecardStatus {
  DRAFT = 'DRAFT',
  /** Final: changes are amendments, each kept as a version with its reason. */
  SUBMITTED = 'SUBMITTED',
}

/** No neutral option on purpose: the interviewer has to lean one way. */
export enum Recommendation {
  STRONG_NO = 'STRONG_NO',
  NO = 'NO',
  YES = 'YES',
  STRONG_YES = 'STRONG_YES',
}
