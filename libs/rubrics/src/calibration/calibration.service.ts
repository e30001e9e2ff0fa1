import { Injectable } from '@nestjs/common';
import { ScorecardsService } from '../scorecards.service';
import { calibrate, InterviewerCalibration } from './calibration';

export interface CalibrationFilter {
  /** Report only these interviewers (the figures still compare them with everyone). */
  interviewerIds?: readonly string[] | null;
  /** Only scorecards of this job's applications. */
  jobId?: string | null;
}

/** Calibration over submitted scorecards: each scorecard counts at its latest version, candidates are applications. */
@Injectable()
export class CalibrationService {
  constructor(private readonly scorecards: ScorecardsService) {}

  async calibration(filter: CalibrationFilter = {}): Promise<InterviewerCalibration[]> {
    const cards = await this.scorecards.submittedScorecards({ jobId: filter.jobId });
    const all = calibrate(
      cards.map((c) => ({ interviewerId: c.interviewerId, candidateId: c.applicationId, ratings: c.ratings.flatMap((r) => (r.rating === null ? [] : [r.rating])) })),
    );
    if (!filter.interviewerIds) return all;
    const wanted = new Set(filter.interviewerIds);
    return all.filter((c) => wanted.has(c.interviewerId));
  }

  /**
   * For the shortlist: each interviewer's figures, null for one without submitted scorecards
   * (so no offset to correct by). One query.
   */
  async calibrationFor(
    interviewerIds: readonly string[],
    opts: { jobId?: string | null } = {},
  ): Promise<Map<string, InterviewerCalibration | null>> {
    const found = new Map((await this.calibration({ interviewerIds, jobId: opts.jobId })).map((c) => [c.interviewerId, c]));
    return new Map(interviewerIds.map((id) => [id, found.get(id) ?? null]));
  }
}
