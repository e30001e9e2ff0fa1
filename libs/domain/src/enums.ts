export enum Role {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  INTERVIEWER = 'INTERVIEWER',
  CANDIDATE = 'CANDIDATE',
}

/**
 * What an admin may grant a staff account beyond its role. FAIRNESS_REPORT: a recruiter may read
 * the adverse-impact report (admins always may; nobody else ever does).
 */
export enum Permission {
  FAIRNESS_REPORT = 'FAIRNESS_REPORT',
}
/** Which roles each permission can be granted to. */
export const PERMISSION_ROLES: Readonly<Record<Permission, readonly Role[]>> = { [Permission.FAIRNESS_REPORT]: [Role.RECRUITER] };

/** The role lists every guard and policy uses: defined once here, never spelled out again. */
/** Admins, recruiters and interviewers: they read every job and application. */
export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.RECRUITER, Role.INTERVIEWER];
/** Who manages jobs, assessments and interviews, and reads any submission and attempt. */
export const HIRING_MANAGERS: readonly Role[] = [Role.ADMIN, Role.RECRUITER];

export enum ProblemValidationStatus {
  /** Never validated, or changed since. */
  PENDING = 'PENDING',
  VALIDATING = 'VALIDATING',
  VALID = 'VALID',
  INVALID = 'INVALID',
}

export enum SubmissionKind {
  /** A candidate's scored submission in an assessment attempt. */
  SUBMISSION = 'SUBMISSION',
  /** A reference solution judged to validate a problem. */
  VALIDATION = 'VALIDATION',
  /** Unscored: run against visible tests or custom input. */
  RUN = 'RUN',
  /** A candidate's try at a practice problem: judged on every test, tied to no attempt, never scored. */
  PRACTICE = 'PRACTICE',
}

/** Where a submission is in its life; the verdict is set once, with FINISHED. */
export enum SubmissionState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
}

export enum Verdict {
  ACCEPTED = 'ACCEPTED',
  WRONG_ANSWER = 'WRONG_ANSWER',
  TIME_LIMIT_EXCEEDED = 'TIME_LIMIT_EXCEEDED',
  MEMORY_LIMIT_EXCEEDED = 'MEMORY_LIMIT_EXCEEDED',
  OUTPUT_LIMIT_EXCEEDED = 'OUTPUT_LIMIT_EXCEEDED',
  RUNTIME_ERROR = 'RUNTIME_ERROR',
  COMPILE_ERROR = 'COMPILE_ERROR',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** Values are the judge's own language names (@app/sandbox LANGUAGES); see language-bridge in @app/judging. */
export enum Language {
  JAVASCRIPT = 'javascript',
  TYPESCRIPT = 'typescript',
  PYTHON = 'python',
  SQL = 'sql',
}
