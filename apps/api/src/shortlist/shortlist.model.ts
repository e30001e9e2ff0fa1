import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IntegrityReviewModel } from '../integrity/similarity.model';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationStage, RedFlagSeverity, Verdict } from '@app/domain';

export enum ShortlistComponentName {
  skills = 'skills',
  assessment = 'assessment',
  interview = 'interview',
}
registerEnumType(ShortlistComponentName, { name: 'ShortlistComponent', description: 'skills (screening match), assessment (points earned / possible), interview (calibrated rubric ratings)' });

export enum RedFlagMode {
  PENALTY = 'PENALTY',
  DEMOTE = 'DEMOTE',
}
registerEnumType(RedFlagMode, { name: 'RedFlagMode', description: 'PENALTY subtracts per severity; DEMOTE also ranks flagged candidates below the others' });

@ObjectType('ComponentWeights')
@InputType('ComponentWeightsInput')
export class ComponentWeights {
  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  skills: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  assessment: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  interview: number;
}

@ObjectType('RedFlagPenalties')
@InputType('RedFlagPenaltiesInput')
export class RedFlagPenalties {
  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  LOW: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  MEDIUM: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  HIGH: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(1)
  CRITICAL: number;
}

@ObjectType('ShortlistPolicy')
export class ShortlistPolicyModel {
  @Field(() => ComponentWeights)
  weights: ComponentWeights;

  @Field(() => [ShortlistComponentName], { description: 'Components a candidate needs before being ranked; self-rated skills alone never rank' })
  requireComponents: ShortlistComponentName[];

  @Field(() => RedFlagMode)
  redFlagMode: RedFlagMode;

  @Field(() => RedFlagPenalties)
  redFlagPenalties: RedFlagPenalties;

  @Field(() => RedFlagSeverity)
  demoteAtSeverity: RedFlagSeverity;

  @Field(() => Int, { description: 'Leniency offsets apply when they rest on at least this many shared candidates' })
  minSharedCandidates: number;
}

@InputType()
export class ShortlistPolicyInput {
  @Field(() => ComponentWeights, { description: 'Defaults 0.15 / 0.45 / 0.40; the skills share never exceeds 0.15 however present components rescale' })
  @ValidateNested()
  @Type(() => ComponentWeights)
  weights: ComponentWeights;

  @Field(() => [ShortlistComponentName], { defaultValue: ['assessment'], description: 'Default: the assessment (taken, or not taken by its deadline)' })
  @IsArray()
  @IsEnum(ShortlistComponentName, { each: true })
  requireComponents: ShortlistComponentName[];

  @Field(() => RedFlagMode, { defaultValue: RedFlagMode.PENALTY })
  @IsEnum(RedFlagMode)
  redFlagMode: RedFlagMode;

  @Field(() => RedFlagPenalties, { nullable: true, description: 'Defaults LOW 0.02, MEDIUM 0.05, HIGH 0.10, CRITICAL 0.20' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RedFlagPenalties)
  redFlagPenalties?: RedFlagPenalties;

  @Field(() => RedFlagSeverity, { defaultValue: RedFlagSeverity.HIGH })
  @IsEnum(RedFlagSeverity)
  demoteAtSeverity: RedFlagSeverity;

  @Field(() => Int, { defaultValue: 3 })
  @IsInt()
  @Min(1)
  @Max(100)
  minSharedCandidates: number;
}

@ObjectType('ShortlistComponentScore')
export class ComponentScoreModel {
  @Field(() => ShortlistComponentName)
  name: ShortlistComponentName;

  @Field()
  present: boolean;

  @Field(() => Float, { nullable: true, description: '0-1' })
  value: number | null;

  @Field(() => Float)
  weight: number;

  @Field(() => Float, { description: "This component's share of the score: weight / sum of present weights" })
  effectiveWeight: number;

  @Field()
  detail: string;
}

@ObjectType('ShortlistAdjustment')
export class AdjustmentModel {
  @Field({ description: 'CALIBRATION (a leniency offset among interviewers of the same kind and rubric), RED_FLAG (counted once per candidate) or STRONG_NO (a recommendation shown as a flag; amount 0)' })
  kind: string;

  @Field()
  description: string;

  @Field(() => Float)
  amount: number;

  @Field()
  applied: boolean;

  @Field(() => ID, { nullable: true })
  interviewerId?: string;

  @Field(() => String, { nullable: true, description: "CALIBRATION: the interviewer's name" })
  interviewerName?: string;

  @Field(() => String, { nullable: true, description: 'CALIBRATION: the interview kind (CODING_FUNDAMENTALS, SYSTEM_DESIGN, BEHAVIORAL) the offset was computed within' })
  interviewKind?: string;

  @Field(() => Int, { nullable: true, description: 'RED_FLAG, STRONG_NO: how many interviewers raised it (it counts once)' })
  raisedBy?: number;

  @Field(() => Int, { nullable: true })
  sharedCandidates?: number;

  @Field(() => RedFlagSeverity, { nullable: true })
  severity?: RedFlagSeverity;

  @Field({ nullable: true })
  flag?: string;
}

@ObjectType('ShortlistProblemOutcome', { description: "One problem of the candidate's assessment, as its best submission left it" })
export class ShortlistProblemOutcomeModel {
  @Field(() => ID)
  assessmentId: string;

  @Field(() => ID)
  problemId: string;

  @Field()
  title: string;

  @Field(() => Float)
  points: number;

  @Field(() => Float)
  pointsEarned: number;

  @Field(() => Float, { description: "The best submission's score, 0-1 (0 without one)" })
  bestScore: number;

  @Field(() => Verdict, { nullable: true, description: 'Null while no submission is judged' })
  verdict: Verdict | null;

  @Field(() => Float, { nullable: true, description: "Share of the correctness tests' weight the best submission passed" })
  correctness: number | null;

  @Field(() => Float, { nullable: true, description: "Share of the performance tests' weight it passed; null when the problem has none" })
  performance: number | null;

  @Field(() => String, { nullable: true, description: 'Both in words, e.g. "correct on all cases; too slow on large inputs (n = 100000): a higher time complexity than intended suspected"' })
  explanation: string | null;
}

@ObjectType('ShortlistEntry')
export class ShortlistEntryModel {
  @Field(() => Int, { nullable: true, description: 'Null while awaiting evidence (listed after the ranked entries)' })
  rank: number | null;

  @Field(() => ID)
  applicationId: string;

  @Field(() => String, { nullable: true, description: 'Null under anonymized review until SHORTLISTED' })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [String])
  links: string[];

  @Field()
  anonymized: boolean;

  @Field(() => ApplicationStage)
  stage: ApplicationStage;

  @Field()
  appliedAt: string;

  @Field(() => Float, { nullable: true, description: '0-1, after red-flag penalties' })
  score: number | null;

  @Field(() => Float, { nullable: true })
  baseScore: number | null;

  @Field({ description: 'HIGH (3 components), MEDIUM (2), LOW (1), NONE' })
  confidence: string;

  @Field(() => [ShortlistComponentName])
  missing: ShortlistComponentName[];

  @Field()
  demoted: boolean;

  @Field()
  ranked: boolean;

  @Field({ description: 'Not ranked yet: a required component (by default the assessment) is missing, or only self-rated skills are present' })
  awaitingEvidence: boolean;

  @Field(() => [String], { description: 'Interview criteria ("KIND:key") no interviewer observed: missing evidence, left out of the mean' })
  notObserved: string[];

  @Field(() => [ComponentScoreModel])
  components: ComponentScoreModel[];

  @Field(() => [AdjustmentModel])
  adjustments: AdjustmentModel[];

  @Field(() => [ShortlistProblemOutcomeModel], {
    description: "Per problem of the assessment, the best submission's points, correctness and performance (also written into the assessment component's detail); empty without a started assessment",
  })
  assessmentProblems: ShortlistProblemOutcomeModel[];

  @Field(() => [String], { description: 'The recommendation of each submitted scorecard' })
  recommendations: string[];

  @Field(() => Int, { description: 'Distinct red flags: one ticked by two interviewers counts once' })
  redFlagCount: number;

  @Field({ description: 'The arithmetic, as text' })
  explanation: string;

  @Field(() => IntegrityReviewModel, { description: 'Code similarity found for this application: a marker for review that never changes the score' })
  integrityReview: IntegrityReviewModel;
}

@ObjectType('Shortlist')
export class ShortlistModel {
  @Field(() => ID)
  jobId: string;

  @Field(() => Int)
  totalCount: number;

  @Field(() => [ShortlistEntryModel])
  entries: ShortlistEntryModel[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;

  @Field(() => ShortlistPolicyModel)
  policy: ShortlistPolicyModel;
}

@InputType()
export class ShortlistFilterInput {
  @Field(() => [ApplicationStage], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(ApplicationStage, { each: true })
  stages?: ApplicationStage[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;

  @Field(() => [ShortlistComponentName], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ShortlistComponentName, { each: true })
  requireComponents?: ShortlistComponentName[];
}

@ArgsType()
export class ShortlistArgs {
  @Field(() => ID)
  @IsUUID()
  jobId: string;

  @Field(() => ShortlistFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShortlistFilterInput)
  filter?: ShortlistFilterInput;

  @Field(() => Int, { defaultValue: 50, description: '1 to 200' })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}
