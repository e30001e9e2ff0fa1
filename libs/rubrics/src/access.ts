import {
  ApplicationEntity,
  ApplicationStage,
  InterviewEntity,
  InterviewStatus,
  JobEntity,
  Role,
  ScorecardEntity,
  ScorecardStatus,
} from '@app/domain';
import { anonymizedProfile, HiringActor, HIRING_MANAGERS, identityHidden, ProfileView } from '@app/hiring';

export function isManager(viewer: HiringActor): boolean {
  return HIRING_MANAGERS.includes(viewer.role as Role);
}

/**
 * The blind rule: may this viewer read other people's scorecards of one application, given
 * the viewer's own interviews of it? Not while one of their own interviews of it is still
 * waiting for its scorecard, whatever their role: independent scoring is about the person who
 * scores, so a recruiter who interviews is blind until they have submitted too. Otherwise
 * recruiters and admins read all, and an interviewer once they have submitted a scorecard for
 * the application.
 */
export function othersVisible(viewer: HiringActor, ownInterviews: readonly Pick<InterviewEntity, 'interviewerId' | 'status'>[]): boolean {
  const mine = ownInterviews.filter((i) => i.interviewerId === viewer.id);
  if (mine.some((i) => i.status === InterviewStatus.SCHEDULED)) return false;
  if (isManager(viewer)) return true;
  return mine.some((i) => i.status === InterviewStatus.COMPLETED);
}

/**
 * The scorecards of one application this viewer may read: always their own (drafts included);
 * others' only when othersVisible, and then only submitted ones unless the viewer manages the
 * process (an interviewer never reads a colleague's unfinished draft).
 */
export function readableScorecards<S extends Pick<ScorecardEntity, 'interviewerId' | 'status'>>(
  viewer: HiringActor,
  scorecards: readonly S[],
  ownInterviews: readonly Pick<InterviewEntity, 'interviewerId' | 'status'>[],
): S[] {
  const others = othersVisible(viewer, ownInterviews);
  const manager = isManager(viewer);
  return scorecards.filter((s) => s.interviewerId === viewer.id || (others && (manager || s.status === ScorecardStatus.SUBMITTED)));
}

/** What an interviewer reads about the candidate of an interview. */
export interface CandidateSummary {
  applicationId: string;
  jobId: string;
  jobTitle: string;
  stage: ApplicationStage;
  /** True when the job's anonymized review hides who the candidate is from this viewer. */
  anonymized: boolean;
  profile: ProfileView;
  /** Null when anonymized: a résumé names its author. */
  resume: string | null;
}

export function candidateSummary(application: ApplicationEntity, job: JobEntity, viewer: HiringActor): CandidateSummary {
  const hidden = identityHidden(job, application, viewer);
  return {
    applicationId: application.id,
    jobId: job.id,
    jobTitle: job.title,
    stage: application.stage,
    anonymized: hidden,
    profile: hidden ? anonymizedProfile(application.profile) : application.profile,
    resume: hidden ? null : application.resume,
  };
}

/** The applications an interviewer may read: those of their own interviews, whatever the interview's status. */
export function graderScope(ownInterviews: readonly Pick<InterviewEntity, 'applicationId'>[]): Set<string> {
  return new Set(ownInterviews.map((i) => i.applicationId));
}
