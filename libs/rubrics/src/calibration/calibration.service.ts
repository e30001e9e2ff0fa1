import { Injectable } from '@nestjs/common';
import { ScorecardsService } from '../scorecards.service';
import { calibrateWithinKind, InterviewerCalibration } from './calibration';

/** An interviewer's figures within one interview kind and rubric: calibration never compares across them. */
export interface KindCalibration extends InterviewerCalibration {
  kind: string;
  rubricId: string;
}

export interface CalibrationFilter {
  /** Report only these interviewers (the figures still compare them with everyone). */
  interviewerIds?: readonly string[] | null;
  /** Only scorecards of this job's applications. */
  jobId?: string | null;
}

/**
 * Calibration over submitted scorecards: each scorecard counts at its latest version, candidates
 * are applications, and interviewers are compared only with interviewers of the same interview
 * kind and rubric (a coding interviewer is never called lenient next to a behavioural one).
 */
@Injectable()
export class CalibrationService {
  constructor(private readonly scorecards: ScorecardsService) {}

  /** One row per interviewer, kind and rubric, sorted by interviewer id, kind, rubric id. */
  async calibration(filter: CalibrationFilter = {}): Promise<KindCalibration[]> {
    const cards = await this.scorecards.submittedScorecards({ jobId: filter.jobId });
    const all = [
      ...calibrateWithinKind(
        cards.map((c) => ({
          interviewerId: c.interviewerId,
          candidateId: c.applicationId,
          kind: c.kind,
          rubricId: c.rubricId,
          ratings: c.ratings.flatMap((r) => (r.rating === null ? [] : [r.rating])),
        })),
      ),
    ]
      .map(([key, c]) => {
        const [, kind, rubricId] = key.split('|');
        return { ...c, kind, rubricId };
      })
      .sort((a, b) => a.interviewerId.localeCompare(b.interviewerId) || a.kind.localeCompare(b.kind) || a.rubricId.localeCompare(b.rubricId));
    if (!filter.interviewerIds) return all;
    const wanted = new Set(filter.interviewerIds);
    return all.filter((c) => wanted.has(c.interviewerId));
  }

  /** Each interviewer's rows (one per kind and rubric they rated), empty for one without submitted scorecards. One query. */
  async calibrationFor(interviewerIds: readonly string[], opts: { jobId?: string | null } = {}): Promise<Map<string, KindCalibration[]>> {
    const rows = await this.calibration({ interviewerIds, jobId: opts.jobId });
    return new Map(interviewerIds.map((id) => [id, rows.filter((r) => r.interviewerId === id)]));
  }
}
