import { AssessmentEntity, AttemptEntity, AttemptStatus } from '@app/domain';
import { CandidateProblemView, secondsLeft, sqlTableColumns } from '@app/assessments';
import { AssessmentModel, AttemptModel, AttemptProblemModel, LanguageTextModel } from './dto/assessment.model';

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
    invitationExpiresAt: a.invitationExpiresAt,
    startedAt: a.startedAt,
    deadline: a.deadline,
    finishedAt: a.finishedAt ?? (status === AttemptStatus.FINISHED ? a.deadline : null),
    secondsLeft: a.deadline ? (status === AttemptStatus.FINISHED ? 0 : secondsLeft(a.deadline, now)) : null,
    serverTime: now,
    extra: a.extraTimePercent,
  };
}

/** The candidate's view of one problem of their attempt; per-language texts follow the problem's language order. */
export function toAttemptProblemModel(
  view: CandidateProblemView,
  extra: Pick<AttemptProblemModel, 'position' | 'problemId' | 'points' | 'bestScore'>,
): AttemptProblemModel {
  const perLanguage = (texts: Record<string, string>): LanguageTextModel[] =>
    view.languages.filter((l) => typeof texts[l] === 'string').map((language) => ({ language, text: texts[language] }));
  const columns = view.schema ? sqlTableColumns(view.schema) : {};
  return {
    ...extra,
    slug: view.slug,
    title: view.title,
    statement: view.statement,
    mode: view.mode,
    entryPoint: view.entryPoint,
    languages: view.languages,
    entryPoints: perLanguage(view.entryPoints),
    signatures: perLanguage(view.signatures),
    starters: perLanguage(view.starters),
    schema: view.schema,
    timeLimitMs: view.timeLimitMs,
    memoryLimitMb: view.memoryLimitMb,
    examples: view.examples.map((e) => ({
      name: e.name,
      args: e.args,
      stdin: e.stdin,
      tables: e.data ? Object.entries(e.data).map(([name, rows]) => ({ name, columns: columns[name] ?? null, rows })) : null,
      expected: e.expected,
    })),
    hiddenTests: view.hiddenTests,
  };
}
