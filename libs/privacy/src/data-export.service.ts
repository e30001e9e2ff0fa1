import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppError, Clock, CLOCK } from '@app/common';
import { decodeSnapshots, submissionView } from '@app/assessments';
import {
  ApplicantProfile,
  ApplicationEntity,
  ApplicationEventEntity,
  ApplicationEventKind,
  ApplicationStage,
  AssessmentEntity,
  AttemptEntity,
  AttemptEventData,
  AttemptEventEntity,
  AttemptEventType,
  AttemptStatus,
  CodeSnapshotEntity,
  InterviewEntity,
  InterviewKind,
  InterviewStatus,
  JobEntity,
  ProblemEntity,
  Role,
  SelfIdentificationEntity,
  StoredAnswer,
  SubmissionEntity,
  UserEntity,
  Verdict,
} from '@app/domain';
import { ApplicationsService, knockoutReasons, selfIdQuestions } from '@app/hiring';

/** Bumped when a field changes meaning or goes; adding a field keeps it. */
export const EXPORT_FORMAT_VERSION = 1;

/** Said in every export, so its reader knows what is left out and why (docs/api.md, "Your data"). */
export const NOT_INCLUDED: readonly string[] = [
  'Interview scorecards (ratings, notes, recommendations): they are the interviewers\' own assessments of you; the export lists each interview (kind, time, status) instead.',
  'Hidden tests: their inputs, expected outputs, your results on them and their times; only how many there were and how many you passed.',
  'Other candidates\' data, and staff notes on stage moves and screening overrides.',
  'Your password (stored only as an irreversible hash) and session tokens.',
];

export interface ExportedStageEvent {
  kind: ApplicationEventKind;
  fromStage: ApplicationStage | null;
  toStage: ApplicationStage;
  /** Who moved it: CANDIDATE (you), SYSTEM (automatic screening), RECRUITER, ADMIN. */
  actorRole: string;
  /** Your own reasons, and a knock-out rejection's; staff notes are internal. */
  reason: string | null;
  at: string;
}

export interface ExportedIdentityReveal {
  /** When the anonymized review of the job was lifted for you (the application reached SHORTLISTED or OFFER). */
  at: string;
  toStage: ApplicationStage;
  /** The staff member whose move revealed your identity to the job's interviewers. */
  byName: string | null;
  byRole: string;
}

export interface ExportedApplication {
  id: string;
  jobId: string;
  jobTitle: string;
  appliedAt: string;
  updatedAt: string;
  stage: ApplicationStage;
  /** A knock-out rejection's reasons, while it is the outcome in force (as myApplications shows them). */
  knockoutReasons: string[];
  profile: ApplicantProfile;
  answers: StoredAnswer[];
  resume: string;
  history: ExportedStageEvent[];
  identityRevealed: ExportedIdentityReveal[];
  /** Your voluntary self-identification for this application (question, label, answer); null if you gave none. */
  selfIdentification: { question: string; label: string; answer: string }[] | null;
  interviews: { kind: InterviewKind; scheduledAt: string; status: InterviewStatus }[];
}

export interface ExportedTestResult {
  name: string;
  category: string | null;
  status: string;
  timeMs: number | null;
  memoryBytes: number | null;
  actual: string | null;
  output: string | null;
  message: string | null;
}

export interface ExportedSubmission {
  id: string;
  attemptId: string | null;
  problemId: string;
  problemTitle: string | null;
  /** SUBMISSION (graded), RUN (against examples or your own input), PRACTICE. */
  kind: string;
  language: string;
  code: string;
  customInput: SubmissionEntity['customInput'];
  state: string;
  verdict: string | null;
  score: number | null;
  correctness: number | null;
  performance: number | null;
  explanation: string | null;
  passed: number;
  total: number;
  compileError: SubmissionEntity['compileError'];
  warnings: string[];
  /** Visible tests only. */
  tests: ExportedTestResult[];
  hiddenTests: { total: number; passed: number };
  submittedAt: string;
  judgedAt: string | null;
}

export interface ExportedAttempt {
  id: string;
  applicationId: string;
  assessmentId: string;
  assessmentTitle: string;
  durationMinutes: number;
  status: AttemptStatus;
  invitedAt: string;
  invitationExpiresAt: string | null;
  startedAt: string | null;
  deadline: string | null;
  finishedAt: string | null;
  /** Your accommodation (extra time, in percent of the duration): your own data, so it is included. */
  extraTimePercent: number;
  /** What the attempt page and the API recorded (see the recording notice shown before you started). */
  timeline: { type: AttemptEventType; problemId: string | null; at: string; details: AttemptEventData | null }[];
  /** Your code as recorded while you worked, one entry per snapshot. */
  codeSnapshots: { problemId: string; seq: number; language: string; reason: string; at: string; code: string }[];
}

export interface DataExport {
  formatVersion: number;
  exportedAt: string;
  account: { id: string; email: string; name: string; role: Role; createdAt: string };
  applications: ExportedApplication[];
  attempts: ExportedAttempt[];
  submissions: ExportedSubmission[];
  notIncluded: readonly string[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * Everything the platform holds about one candidate, as one JSON document (GDPR Art. 15 and 20).
 * A data-subject request is cross-domain by nature: it reads the rows of every domain that hold
 * the person, by their id, through one read-only connection, and applies each domain's own read
 * policy where one exists (the candidate's view of a submission and of an application's history).
 * Only ever called with the authenticated candidate's own id.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly ds: DataSource,
    private readonly applications: ApplicationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(candidateId: string): Promise<DataExport> {
    const m = this.ds.manager;
    const user = await m.findOne(UserEntity, { where: { id: candidateId } });
    if (!user || user.role !== Role.CANDIDATE || user.erasedAt) throw AppError.notFound('Account', candidateId);
    const actor = { id: user.id, role: user.role };

    const apps = await m.find(ApplicationEntity, { where: { candidateId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const appIds = apps.map((a) => a.id);
    const [jobs, selfIds, interviews, reveals, attempts] = await Promise.all([
      apps.length ? m.find(JobEntity, { where: { id: In([...new Set(apps.map((a) => a.jobId))]) }, select: { id: true, title: true } }) : [],
      appIds.length ? m.find(SelfIdentificationEntity, { where: { applicationId: In(appIds) } }) : [],
      appIds.length ? m.find(InterviewEntity, { where: { applicationId: In(appIds) }, order: { scheduledAt: 'ASC', id: 'ASC' } }) : [],
      appIds.length ? m.find(ApplicationEventEntity, { where: { applicationId: In(appIds), kind: ApplicationEventKind.IDENTITY_REVEALED }, order: { seq: 'ASC' } }) : [],
      m.find(AttemptEntity, { where: { candidateId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const revealers = await this.names([...new Set(reveals.flatMap((e) => (e.actorId ? [e.actorId] : [])))]);
    const jobTitle = new Map(jobs.map((j) => [j.id, j.title]));
    const questions = new Map(selfIdQuestions().map((q) => [q.key, q.label]));

    const applications: ExportedApplication[] = [];
    for (const a of apps) {
      const history = await this.applications.historyOf(a, actor);
      const selfId = selfIds.find((s) => s.applicationId === a.id);
      applications.push({
        id: a.id,
        jobId: a.jobId,
        jobTitle: jobTitle.get(a.jobId) ?? '',
        appliedAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        stage: a.stage,
        knockoutReasons: knockoutReasons(a),
        profile: a.profile,
        answers: a.answers,
        resume: a.resume,
        history: history.map((e) => ({ kind: e.kind, fromStage: e.fromStage, toStage: e.toStage, actorRole: e.actorRole, reason: e.reason, at: e.at.toISOString() })),
        identityRevealed: reveals
          .filter((e) => e.applicationId === a.id)
          .map((e) => ({ at: e.at.toISOString(), toStage: e.toStage, byName: (e.actorId && revealers.get(e.actorId)) ?? null, byRole: e.actorRole })),
        selfIdentification: selfId ? Object.entries(selfId.answers).map(([question, answer]) => ({ question, label: questions.get(question) ?? question, answer })) : null,
        interviews: interviews.filter((i) => i.applicationId === a.id).map((i) => ({ kind: i.kind, scheduledAt: i.scheduledAt.toISOString(), status: i.status })),
      });
    }

    const attemptIds = attempts.map((t) => t.id);
    const [assessments, events, snapshots, submissions] = await Promise.all([
      attempts.length ? m.find(AssessmentEntity, { where: { id: In([...new Set(attempts.map((t) => t.assessmentId))]) }, select: { id: true, title: true, durationMinutes: true } }) : [],
      attemptIds.length ? m.find(AttemptEventEntity, { where: { attemptId: In(attemptIds) }, order: { occurredAt: 'ASC', batchId: 'ASC', seq: 'ASC' } }) : [],
      attemptIds.length ? m.find(CodeSnapshotEntity, { where: { attemptId: In(attemptIds) }, order: { problemId: 'ASC', seq: 'ASC' } }) : [],
      m
        .createQueryBuilder(SubmissionEntity, 's')
        .where('s.userId = :candidateId', { candidateId })
        .orWhere(attemptIds.length ? 's.attemptId IN (:...attemptIds)' : '1 = 0', { attemptIds })
        .orderBy('s.createdAt', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
    ]);
    const problems = submissions.length
      ? await m.find(ProblemEntity, { where: { id: In([...new Set(submissions.map((s) => s.problemId))]) }, select: { id: true, title: true } })
      : [];
    const problemTitle = new Map(problems.map((p) => [p.id, p.title]));
    const assessmentById = new Map(assessments.map((x) => [x.id, x]));

    return {
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: this.clock.now().toISOString(),
      account: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt.toISOString() },
      applications,
      attempts: attempts.map((t) => ({
        id: t.id,
        applicationId: t.applicationId,
        assessmentId: t.assessmentId,
        assessmentTitle: assessmentById.get(t.assessmentId)?.title ?? '',
        durationMinutes: assessmentById.get(t.assessmentId)?.durationMinutes ?? 0,
        status: t.status,
        invitedAt: t.createdAt.toISOString(),
        invitationExpiresAt: iso(t.invitationExpiresAt),
        startedAt: iso(t.startedAt),
        deadline: iso(t.deadline),
        finishedAt: iso(t.finishedAt),
        extraTimePercent: t.extraTimePercent,
        timeline: events.filter((e) => e.attemptId === t.id).map((e) => ({ type: e.type, problemId: e.problemId, at: e.occurredAt.toISOString(), details: e.data })),
        codeSnapshots: codeOf(snapshots.filter((s) => s.attemptId === t.id)),
      })),
      submissions: submissions.map((s) => exportedSubmission(s, problemTitle.get(s.problemId) ?? null)),
      notIncluded: NOT_INCLUDED,
    };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.ds.manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}

/** The candidate's view of a submission (@app/assessments submissionView), with hidden tests reduced to counts. */
export function exportedSubmission(s: SubmissionEntity, problemTitle: string | null): ExportedSubmission {
  const v = submissionView(s);
  const hidden = v.results.filter((t) => t.hidden);
  return {
    id: v.id,
    attemptId: v.attemptId,
    problemId: v.problemId,
    problemTitle,
    kind: v.kind,
    language: v.language,
    code: v.source,
    customInput: s.customInput,
    state: v.state,
    verdict: v.verdict,
    score: v.score,
    correctness: v.correctness,
    performance: v.performance,
    explanation: v.explanation,
    passed: v.passed,
    total: v.total,
    compileError: v.compileError,
    warnings: v.warnings,
    tests: v.results
      .filter((t) => !t.hidden)
      .map((t) => ({ name: t.name, category: t.category, status: t.status, timeMs: t.timeMs, memoryBytes: t.memoryBytes, actual: t.actual, output: t.output, message: t.message })),
    hiddenTests: { total: hidden.length, passed: hidden.filter((t) => t.status === Verdict.ACCEPTED).length },
    submittedAt: v.createdAt.toISOString(),
    judgedAt: iso(v.finishedAt),
  };
}

/** Snapshots decoded into the code at each one, per problem; a broken chain yields what decodes. */
function codeOf(rows: CodeSnapshotEntity[]): ExportedAttempt['codeSnapshots'] {
  const out: ExportedAttempt['codeSnapshots'] = [];
  const byProblem = new Map<string, CodeSnapshotEntity[]>();
  for (const r of rows) byProblem.set(r.problemId, [...(byProblem.get(r.problemId) ?? []), r]);
  for (const [problemId, list] of byProblem) {
    let codes: string[];
    try {
      codes = decodeSnapshots(list);
    } catch {
      codes = list.map((r) => (r.full ? r.body : ''));
    }
    list.forEach((r, i) => out.push({ problemId, seq: r.seq, language: r.language, reason: r.reason, at: r.occurredAt.toISOString(), code: codes[i] }));
  }
  return out;
}
