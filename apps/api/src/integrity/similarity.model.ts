import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { SimilarityScope } from '@app/domain';

registerEnumType(SimilarityScope, { name: 'SimilarityScope', description: 'ASSESSMENT: found among one assessment\'s attempts; JOB: across assessments of the job' });

export enum SimilaritySideKind {
  SUBMISSION = 'SUBMISSION',
  REFERENCE = 'REFERENCE',
}
registerEnumType(SimilaritySideKind, { name: 'SimilaritySideKind', description: "A candidate's final submission, or one of the problem's reference solutions" });

@ObjectType('LineRange', { description: '1-based, inclusive' })
export class LineRangeModel {
  @Field(() => Int)
  startLine: number;

  @Field(() => Int)
  endLine: number;
}

@ObjectType('SimilarityFragment', { description: 'One stretch of code both sides share (after the starter code is set aside)' })
export class SimilarityFragmentModel {
  @Field(() => LineRangeModel, { description: "Lines in the asked attempt's code" })
  attemptLines: LineRangeModel;

  @Field(() => LineRangeModel, { description: "Lines in the other side's code" })
  otherLines: LineRangeModel;

  @Field(() => Int, { description: 'Length in k-grams of tokens' })
  kgrams: number;
}

@ObjectType('SimilaritySide')
export class SimilaritySideModel {
  @Field(() => SimilaritySideKind)
  kind: SimilaritySideKind;

  @Field(() => ID, { nullable: true })
  submissionId: string | null;

  @Field(() => ID, { nullable: true })
  attemptId: string | null;

  @Field(() => ID, { nullable: true, description: 'The application: no name here (open the application, where anonymized review applies)' })
  applicationId: string | null;

  @Field(() => Int, { nullable: true, description: "Index into the problem's reference solutions (REFERENCE)" })
  referenceIndex: number | null;

  @Field(() => Float, { description: "Share of this side's code covered by shared fragments, 0-1" })
  covered: number;

  @Field({ description: 'The code compared' })
  source: string;
}

@ObjectType('SimilarityPair', { description: 'Evidence for a person to review, never a verdict: it changes no score' })
export class SimilarityPairModel {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { description: 'Dolos similarity, 0-1 (stored from the threshold up)' })
  similarity: number;

  @Field(() => Int, { description: 'Longest shared fragment, in k-grams of tokens' })
  longestFragment: number;

  @Field(() => SimilarityScope)
  scope: SimilarityScope;

  @Field(() => ID)
  problemId: string;

  @Field()
  problemTitle: string;

  @Field()
  language: string;

  @Field()
  analyzedAt: string;

  @Field(() => SimilaritySideModel, { description: 'The side of the attempt asked for' })
  attempt: SimilaritySideModel;

  @Field(() => SimilaritySideModel)
  other: SimilaritySideModel;

  @Field(() => [SimilarityFragmentModel], { description: 'Longest first (at most 20)' })
  fragments: SimilarityFragmentModel[];
}

@ArgsType()
export class AttemptSimilarityArgs {
  @Field(() => ID)
  @IsUUID()
  attemptId: string;

  @Field(() => Int, { defaultValue: 5, description: 'Highest-similarity pairs first, 1-20' })
  @IsInt()
  @Min(1)
  @Max(20)
  first: number;
}

@ObjectType('IntegrityReview', { description: 'A marker for a person to look: it never changes the score' })
export class IntegrityReviewModel {
  @Field()
  flagged: boolean;

  @Field(() => String, { nullable: true })
  explanation: string | null;
}
