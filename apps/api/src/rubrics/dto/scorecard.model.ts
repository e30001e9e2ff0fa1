import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InterviewKind, Recommendation, RedFlagSeverity, ScorecardStatus } from '@app/domain';

registerEnumType(ScorecardStatus, { name: 'ScorecardStatus', description: 'DRAFT, then SUBMITTED (final; changes are amendments)' });
registerEnumType(Recommendation, { name: 'Recommendation', description: 'No neutral option: STRONG_NO, NO, YES or STRONG_YES' });

@ObjectType('ScorecardRating')
export class ScorecardRatingModel {
  @Field()
  criterionKey: string;

  @Field(() => Int, { nullable: true, description: "1-4 on the criterion's anchored scale; null: not observed (left out of every mean, reported as missing evidence)" })
  rating: number | null;

  @Field(() => String, { nullable: true, description: 'Required for 1 and 4' })
  evidence: string | null;
}

@ObjectType('TickedRedFlag')
export class TickedRedFlagModel {
  @Field()
  key: string;

  @Field({ description: "From the scorecard's rubric version" })
  title: string;

  @Field(() => RedFlagSeverity)
  severity: RedFlagSeverity;

  @Field()
  evidence: string;
}

@ObjectType('ScorecardVersion', { description: 'Version 1 is the submission; each later one an amendment, with its reason' })
export class ScorecardVersionModel {
  @Field(() => Int)
  version: number;

  @Field(() => [ScorecardRatingModel])
  ratings: ScorecardRatingModel[];

  @Field(() => [TickedRedFlagModel])
  redFlags: TickedRedFlagModel[];

  @Field(() => Recommendation)
  recommendation: Recommendation;

  @Field()
  notes: string;

  @Field(() => String, { nullable: true, description: 'Null for the submission' })
  reason: string | null;

  @Field(() => ID)
  authorId: string;

  @Field()
  at: Date;
}

@ObjectType('Scorecard', {
  description:
    "Recruiters and admins read all; an interviewer reads their own, and others of the same application only once they have submitted theirs (and never a colleague's draft). Candidates never.",
})
export class ScorecardModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  interviewId: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  interviewerId: string;

  @Field(() => InterviewKind)
  kind: InterviewKind;

  @Field(() => ID)
  rubricId: string;

  @Field(() => Int)
  rubricVersion: number;

  @Field(() => ScorecardStatus)
  status: ScorecardStatus;

  @Field(() => Int, { description: '0 while a draft, 1 once submitted, one more per amendment' })
  version: number;

  @Field(() => [ScorecardRatingModel])
  ratings: ScorecardRatingModel[];

  @Field(() => Recommendation, { nullable: true, description: 'Required to submit' })
  recommendation: Recommendation | null;

  @Field()
  notes: string;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  amendedAt: Date | null;

  @Field()
  updatedAt: Date;

  /** Resolved with the rubric version: redFlags, weightedScore. */
  rawRedFlags: { key: string; evidence: string }[];
}

@ObjectType('InterviewerCalibration', { description: 'One interviewer within one interview kind and rubric: interviewers are compared only with others of the same kind and rubric' })
export class InterviewerCalibrationModel {
  @Field(() => ID)
  interviewerId: string;

  @Field(() => InterviewKind)
  kind: InterviewKind;

  @Field(() => ID)
  rubricId: string;

  @Field(() => Int, { description: 'Submitted scorecards' })
  scorecards: number;

  @Field(() => Int, { description: 'Distinct candidates (applications) rated' })
  candidates: number;

  @Field(() => Int, { description: 'Criterion ratings given' })
  ratings: number;

  @Field(() => Float, { description: 'Mean rating, 1-4' })
  mean: number;

  @Field(() => Float, { description: 'Population standard deviation of the ratings' })
  spread: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Mean over shared candidates of (this interviewer's mean rating of the candidate - the mean of the other interviewers' means). Above 0: more lenient. Null without shared candidates.",
  })
  leniencyOffset: number | null;

  @Field(() => Int, { description: 'Candidates also rated by another interviewer of the same kind and rubric: what the offset rests on' })
  sharedCandidates: number;
}
