import { createHmac } from 'node:crypto';
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

/**
 * The name graders know a candidate by under anonymized review: an HMAC of the candidate's id
 * with the job's id, under a server key. Stable within the job (the same person on every
 * application, event and scorecard of it), but unrelated across jobs and to the user id, so a
 * grader cannot join an anonymized application to the same person's named one elsewhere.
 */
export function candidateAlias(key: Buffer, jobId: string, candidateId: string): string {
  return `anon-${createHmac('sha256', key).update(`${jobId}\n${candidateId}`).digest('base64url').slice(0, 22)}`;
}

/** The alias key, derived from the server secret with a label of its own (never the secret itself). */
export function aliasKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('candidate-alias/v1').digest();
}

/**
 * An application as one viewer may read it. Under anonymized review (see identityHidden) the
 * candidate's id is the job-scoped alias, and the profile and résumé are stripped of what
 * names the person: nothing in the view is a stable person id.
 */
export type ApplicationView = Omit<ApplicationEntity, 'candidateId' | 'profile' | 'resume'> & {
  /** The candidate's user id, or their alias for this job when anonymized. */
  candidateId: string;
  anonymized: boolean;
  profile: ProfileView;
  resume: string | null;
};

export function applicationView(a: ApplicationEntity, job: Pick<JobEntity, 'id' | 'anonymizedReview'>, viewer: HiringActor | undefined, key: Buffer): ApplicationView {
  // An erased candidate's profile keeps an empty email (the column is required): no email, as for anyone who has none to show.
  if (!identityHidden(job, a, viewer)) return { ...a, anonymized: false, profile: { ...a.profile, email: a.profile.email || null } };
  return { ...a, anonymized: true, candidateId: candidateAlias(key, job.id, a.candidateId), profile: anonymizedProfile(a.profile), resume: null };
}
