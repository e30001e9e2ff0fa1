import {
  RedFlagSeverity,
  RubricEntity,
  RubricVersionEntity,
  ScorecardEntity,
  ScorecardRedFlag,
  ScorecardVersionEntity,
} from '@app/domain';
import { CandidateSummary } from '@app/rubrics';
import { InterviewCandidateModel } from './dto/interview.model';
import { RubricModel } from './dto/rubric.model';
import { ScorecardModel, ScorecardVersionModel, TickedRedFlagModel } from './dto/scorecard.model';

export function toRubricModel(r: RubricEntity, v: RubricVersionEntity): RubricModel {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    jobId: r.jobId,
    sourceRubricId: r.sourceRubricId,
    currentVersion: r.currentVersion,
    version: v.version,
    inUse: v.submittedScorecards > 0,
    criteria: v.criteria,
    redFlags: v.redFlags,
    createdAt: r.createdAt,
    versionUpdatedAt: v.updatedAt,
  };
}

export function toScorecardModel(s: ScorecardEntity): ScorecardModel {
  return {
    id: s.id,
    interviewId: s.interviewId,
    applicationId: s.applicationId,
    interviewerId: s.interviewerId,
    kind: s.kind,
    rubricId: s.rubricId,
    rubricVersion: s.rubricVersion,
    status: s.status,
    version: s.version,
    ratings: s.ratings,
    recommendation: s.recommendation,
    notes: s.notes,
    submittedAt: s.submittedAt,
    amendedAt: s.amendedAt,
    updatedAt: s.updatedAt,
    rawRedFlags: s.redFlags,
  };
}

/** Ticked red flags with the title and severity of the rubric version they were ticked against. */
export function tickedRedFlags(flags: readonly ScorecardRedFlag[], version: RubricVersionEntity | null): TickedRedFlagModel[] {
  const byKey = new Map((version?.redFlags ?? []).map((f) => [f.key, f]));
  return flags.map((f) => ({
    key: f.key,
    evidence: f.evidence,
    title: byKey.get(f.key)?.title ?? f.key,
    severity: byKey.get(f.key)?.severity ?? RedFlagSeverity.HIGH,
  }));
}

export function toScorecardVersionModel(v: ScorecardVersionEntity, rubric: RubricVersionEntity | null): ScorecardVersionModel {
  return {
    version: v.version,
    ratings: v.ratings,
    redFlags: tickedRedFlags(v.redFlags, rubric),
    recommendation: v.recommendation,
    notes: v.notes,
    reason: v.reason,
    authorId: v.authorId,
    at: v.at,
  };
}

export function toCandidateModel(c: CandidateSummary): InterviewCandidateModel {
  return {
    applicationId: c.applicationId,
    jobId: c.jobId,
    jobTitle: c.jobTitle,
    stage: c.stage,
    anonymized: c.anonymized,
    name: c.profile.name,
    email: c.profile.email || null,
    links: c.profile.links,
    education: { ...c.profile.education, institution: c.profile.education.institution ?? null },
    skills: c.profile.skills,
    resume: c.resume,
  };
}
