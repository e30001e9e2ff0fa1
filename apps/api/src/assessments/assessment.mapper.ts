import { AssessmentEntity, AttemptEntity, AttemptStatus } from '@app/domain';
import { secondsLeft } from '@app/assessments';
import { AssessmentModel, AttemptModel } from './dto/assessment.model';

export function toAssessmentModel(a: AssessmentEntity): AssessmentModel {
  return {
    id: a.id,
    jobId: a.jobId,
    title: a.title,
    instructions: a.instructions,
    durationMinutes: a.durationMinutes,
    problems: a.problems.map((p, position) => ({ position, problemId: p.problemId, points: p.points })),
    createdAt: a.createdAt,
  };
}

export function toAttemptModel(a: AttemptEntity, assessment: AssessmentEntity, status: AttemptStatus, now: Date): AttemptModel {
  return {
    id: a.id,
    assessmentId: a.assessmentId,
    applicationId: a.applicationId,
    candidateId: a.candidateId,
    status,
    title: assessment.title,
    instructions: assessment.instructions,
    durationMinutes: assessment.durationMinutes,
    startedAt: a.startedAt,
    deadline: a.deadline,
    finishedAt: a.finishedAt ?? (status === AttemptStatus.FINISHED ? a.deadline : null),
    secondsLeft: a.deadline ? (status === AttemptStatus.FINISHED ? 0 : secondsLeft(a.deadline, now)) : null,
    serverTime: now,
    extra: a.extraTimePercent,
  };
}
