/**
 * The typed job registry: one enum of queue and job names, one payload type per job. The
 * worker refuses to boot unless every job name has exactly one handler.
 */
export const JUDGE_QUEUE = 'judge';

export enum JobName {
  JudgeSubmission = 'judge-submission',
}

export interface JudgeSubmissionJobData {
  submissionId: string;
}

export interface JobPayloads {
  [JobName.JudgeSubmission]: JudgeSubmissionJobData;
}

export type AnyJobData = JobPayloads[JobName];

/** Redis pub/sub channel carrying a submission's progress events. */
export function submissionChannel(prefix: string, submissionId: string): string {
  return `${prefix}:events:submission:${submissionId}`;
}

/** Default job options: retries with exponential backoff for internal failures only. */
export function judgeJobOptions(submissionId: string, attempts: number) {
  return {
    // The submission id is the job id: enqueueing twice (API then sweeper) is a no-op.
    jobId: submissionId,
    attempts,
    backoff: { type: 'exponential' as const, delay: 500 },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 24 * 3600 },
  };
}
