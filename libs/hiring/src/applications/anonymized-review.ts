import { ApplicantProfile, ApplicationEntity, ApplicationStage, JobEntity, Role } from '@app/domain';
import type { HiringActor } from '../hiring-actor';

/** From these stages on, interviewers of an anonymized job see who the candidate is. */
export const IDENTITY_REVEALED_STAGES: readonly ApplicationStage[] = [ApplicationStage.SHORTLISTED, ApplicationStage.OFFER];

/**
 * Whether the candidate's identity is hidden from this viewer: on a job with anonymized review,
 * from interviewers, until the application is shortlisted (by its current stage). Recruiters and
 * admins run the process and always see it; candidates only ever read their own.
 */
export function identityHidden(
  job: Pick<JobEntity, 'anonymizedReview'>,
  application: Pick<ApplicationEntity, 'stage'>,
  viewer: HiringActor | undefined,
): boolean {
  return job.anonymizedReview && viewer?.role === Role.INTERVIEWER && !IDENTITY_REVEALED_STAGES.includes(application.stage);
}

/** A profile as an interviewer may read it under anonymized review. */
export type ProfileView = Omit<ApplicantProfile, 'name' | 'email'> & { name: string | null; email: string | null };

/**
 * The profile without what identifies the person: name, email, links (a GitHub URL names
 * them) and the institution. Education and skills stay: they are what is being assessed.
 */
export function anonymizedProfile(p: ApplicantProfile | ProfileView): ProfileView {
  return {
    ...p,
    name: null,
    email: null,
    links: [],
    education: { ...p.education, institution: null },
    skills: p.skills.map((s) => ({ ...s })),
  };
}
