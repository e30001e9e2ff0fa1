import { ApplicationView, knockoutReasons } from '@app/hiring';
import { ApplicationModel } from './dto/application.model';

/** From the viewer's ApplicationView: what anonymized review hides is already out of it. */
export function toApplicationModel(a: ApplicationView): ApplicationModel {
  return {
    id: a.id,
    jobId: a.jobId,
    candidateId: a.candidateId,
    anonymized: a.anonymized,
    stage: a.stage,
    profile: a.profile,
    answers: a.answers.map((x) => ({ questionKey: x.questionKey, value: String(x.value) })),
    resume: a.resume,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    rejectionReasons: knockoutReasons(a),
    screening: {
      outcome: a.outcome,
      automaticOutcome: a.autoOutcome,
      reasons: a.screeningReasons,
      score: a.screeningScore,
      override:
        a.overrideOutcome && a.overrideReason && a.overriddenById && a.overriddenAt
          ? { outcome: a.overrideOutcome, reason: a.overrideReason, byId: a.overriddenById, at: a.overriddenAt }
          : null,
    },
    skillsMatch: a.skillsMatch,
  };
}
