import { ApplicationEntity } from '@app/domain';
import { knockoutReasons } from '@app/hiring';
import { ApplicationModel } from './dto/application.model';

export function toApplicationModel(a: ApplicationEntity): ApplicationModel {
  return {
    id: a.id,
    jobId: a.jobId,
    candidateId: a.candidateId,
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
