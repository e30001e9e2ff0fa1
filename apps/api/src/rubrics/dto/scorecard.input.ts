import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Recommendation } from '@app/domain';
import { REASON_MAX } from '@app/hiring';
import { RUBRIC_LIMITS, SCORECARD_LIMITS } from '@app/rubrics';

@InputType()
export class ScorecardRatingInput {
  @Field()
  @IsString()
  @MaxLength(64)
  criterionKey: string;

  @Field(() => Int, { nullable: true, description: '1 to 4; null: "not observed" (the criterion was not probed: left out of the mean, reported as missing evidence)' })
  @IsOptional()
  @IsInt()
  rating?: number | null;

  @Field(() => String, { nullable: true, description: 'What the candidate said or did; required for 1 and 4 on submission' })
  @IsOptional()
  @IsString()
  @MaxLength(SCORECARD_LIMITS.evidence)
  evidence?: string | null;
}

@InputType()
export class RedFlagEvidenceInput {
  @Field({ description: "A red flag key of the interview's rubric version" })
  @IsString()
  @MaxLength(64)
  key: string;

  @Field({ description: 'Required on submission' })
  @IsString()
  @MaxLength(SCORECARD_LIMITS.evidence)
  evidence: string;
}

/** The content fields; each left out keeps the draft's value, and lists replace whole lists. */
@InputType({ isAbstract: true })
export abstract class ScorecardContentInput {
  @Field(() => [ScorecardRatingInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => ScorecardRatingInput)
  ratings?: ScorecardRatingInput[] | null;

  @Field(() => [RedFlagEvidenceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.redFlags)
  @ValidateNested({ each: true })
  @Type(() => RedFlagEvidenceInput)
  redFlags?: RedFlagEvidenceInput[] | null;

  @Field(() => Recommendation, { nullable: true })
  @IsOptional()
  @IsEnum(Recommendation)
  recommendation?: Recommendation | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SCORECARD_LIMITS.notes)
  notes?: string | null;
}

@InputType({ description: "Saves the draft of an interview's scorecard (created on first save). Fields left out keep their value." })
export class ScorecardDraftInput extends ScorecardContentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  interviewId: string;
}

@InputType({ description: 'Submits the scorecard of an interview, with any last changes to the draft. Final.' })
export class SubmitScorecardInput extends ScorecardDraftInput {}

@InputType({ description: 'Changes a submitted scorecard: kept as its next version with the reason. Fields left out keep their value.' })
export class AmendScorecardInput extends ScorecardContentInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  scorecardId: string;

  @Field({ description: 'Why it changes; required' })
  @IsString()
  @MaxLength(REASON_MAX)
  reason: string;
}
