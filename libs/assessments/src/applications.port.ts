/**
 * What assessments need from the hiring flow, behind a small interface so this lib does not
 * depend on how applications are stored. The API binds it to @app/hiring.
 */
export interface ApplicationRef {
  id: string;
  jobId: string;
  /** The candidate's user id. */
  candidateId: string;
}

export interface ApplicationsPort {
  findApplication(id: string): Promise<ApplicationRef | null>;
  jobExists(jobId: string): Promise<boolean>;
  /** Records the move to the ASSESSMENT stage when the stage allows it; never throws for a no-op. */
  markInvited(applicationId: string, actor: { id: string; role: string }, reason: string): Promise<void>;
}

export const APPLICATIONS_PORT = Symbol('APPLICATIONS_PORT');
