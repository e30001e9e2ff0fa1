/**
 * What assessments need from the hiring flow, behind a small interface so this lib does not
 * depend on how applications are stored. The apps bind it to @app/hiring (AssessmentsCoreModule.forRoot).
 */
export interface ApplicationRef {
  id: string;
  jobId: string;
  /** The candidate's user id. */
  candidateId: string;
}

export interface ApplicationsPort {
  findApplication(id: string): Promise<ApplicationRef | null>;
  /** The candidate's application to the job, if any (the development seed invites the demo candidate). */
  findCandidateApplication(jobId: string, candidateId: string): Promise<ApplicationRef | null>;
  jobExists(jobId: string): Promise<boolean>;
  /** Records the move to the ASSESSMENT stage when the stage allows it; never throws for a no-op. */
  markInvited(applicationId: string, actor: { id: string; role: string }, reason: string): Promise<void>;
}

export const APPLICATIONS_PORT = Symbol('APPLICATIONS_PORT');
