import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttemptEventType, CodeSnapshotReason } from '@app/domain';

registerEnumType(CodeSnapshotReason, { name: 'CodeSnapshotReason', description: 'ACTIVITY: taken every few seconds of editing; RUN / SUBMIT: the exact code the API accepted' });

@ObjectType('RecordAttemptActivityResult')
export class RecordAttemptActivityResultModel {
  @Field()
  batchId: string;

  @Field({ description: 'false: this batch id was already accepted and nothing was stored again' })
  stored: boolean;

  @Field(() => Int)
  events: number;

  @Field(() => Int)
  snapshots: number;
}

@ObjectType('TimelineCounts')
export class TimelineCountsModel {
  @Field(() => Int)
  pastes: number;

  @Field(() => Int, { description: 'Pastes of 200 characters or more' })
  largePastes: number;

  @Field(() => Int, { description: 'Pastes whose text was not copied inside the assessment page' })
  externalPastes: number;

  @Field(() => Int)
  largestPasteChars: number;

  @Field(() => Int)
  focusLosses: number;

  @Field(() => Int)
  runs: number;

  @Field(() => Int)
  customInputRuns: number;

  @Field(() => Int)
  submits: number;

  @Field(() => Int)
  connectionLosses: number;

  @Field({ description: 'The counts in words, e.g. "3 pastes of 200+ characters (5 pastes in all, 2 from outside the page), 7 focus losses, ..., 41 minutes active"' })
  text: string;
}

@ObjectType('TimelineSummary')
export class TimelineSummaryModel extends TimelineCountsModel {
  @Field(() => Int, { description: 'Seconds between start and end with the page in focus' })
  activeSeconds: number;
}

@ObjectType('InterviewerTimelineSummary', { description: 'No durations: a share of the allowed time, which hides any extra time' })
export class InterviewerTimelineSummaryModel extends TimelineCountsModel {
  @Field(() => Int, { description: "Share (0-100) of the candidate's allowed time with the page in focus" })
  activePercent: number;
}

@ObjectType({ isAbstract: true })
class TimelineEventBase {
  @Field(() => AttemptEventType)
  type: AttemptEventType;

  @Field(() => ID, { nullable: true })
  problemId: string | null;

  @Field(() => Int, { nullable: true })
  chars: number | null;

  @Field(() => Int, { nullable: true })
  lines: number | null;

  @Field(() => Boolean, { nullable: true, description: 'PASTE: not copied inside the page' })
  external: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'RUN: against custom input' })
  customInput: boolean | null;

  @Field(() => String, { nullable: true, description: 'FOCUS_LOST: hidden or blur' })
  cause: string | null;
}

@ObjectType('TimelineEvent')
export class TimelineEventModel extends TimelineEventBase {
  @Field(() => Date)
  at: Date;

  @Field(() => Int, { description: 'Seconds from the start of the attempt' })
  offsetSeconds: number;
}

@ObjectType('InterviewerTimelineEvent')
export class InterviewerTimelineEventModel extends TimelineEventBase {
  @Field(() => Int, { description: "Where in the candidate's allowed time (0-100) it happened" })
  elapsedPercent: number;
}

@ObjectType('PlaybackProblem')
export class PlaybackProblemModel {
  @Field(() => ID)
  problemId: string;

  @Field(() => Int)
  snapshots: number;
}

@ObjectType('AttemptTimeline', { description: 'Evidence for a person to review, never a verdict' })
export class AttemptTimelineModel {
  @Field(() => ID)
  attemptId: string;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'The finish, the deadline, or now while it runs' })
  endedAt: Date | null;

  @Field(() => [TimelineEventModel], { description: 'In time order' })
  events: TimelineEventModel[];

  @Field(() => TimelineSummaryModel)
  summary: TimelineSummaryModel;

  @Field(() => [PlaybackProblemModel], { description: 'Problems with a code playback (attemptPlayback)' })
  playback: PlaybackProblemModel[];
}

@ObjectType('InterviewerAttemptTimeline', { description: 'Relative positions only: no time of day, no duration, no accommodation' })
export class InterviewerAttemptTimelineModel {
  @Field(() => ID)
  attemptId: string;

  @Field(() => [InterviewerTimelineEventModel])
  events: InterviewerTimelineEventModel[];

  @Field(() => InterviewerTimelineSummaryModel)
  summary: InterviewerTimelineSummaryModel;
}

@ObjectType('PlaybackFrame')
export class PlaybackFrameModel {
  @Field(() => Int)
  seq: number;

  @Field(() => Date)
  at: Date;

  @Field(() => Int)
  offsetSeconds: number;

  @Field()
  language: string;

  @Field(() => CodeSnapshotReason)
  reason: CodeSnapshotReason;

  @Field({ description: 'The whole code at this frame' })
  code: string;
}

@ObjectType('AttemptPlayback')
export class AttemptPlaybackModel {
  @Field(() => ID)
  problemId: string;

  @Field(() => Int, { description: 'Frames stored for this problem' })
  total: number;

  @Field(() => [PlaybackFrameModel])
  frames: PlaybackFrameModel[];
}
