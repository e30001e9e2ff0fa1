import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CitationKind, InterviewKind, RedFlagSeverity } from '@app/domain';
import { RUBRIC_LIMITS } from '@app/rubrics';

// Types and sizes are checked here; what makes a rubric valid (anchors that describe behaviour,
// levels 1 to 4, unique keys, a quoted source) is checked by @app/rubrics, field by field.

@InputType()
export class SourceCitationInput {
  @Field(() => CitationKind)
  @IsEnum(CitationKind)
  kind: CitationKind;

  @Field({ description: 'The FAQ sentence or job requirement, verbatim' })
  @IsString()
  @MaxLength(RUBRIC_LIMITS.quote)
  quote: string;
}

@InputType()
export class RubricAnchorInput {
  @Field(() => Int, { description: '1 to 4, in order' })
  @IsInt()
  level: number;

  @Field({ description: 'A sentence of observable behaviour (at least 25 characters); a label such as "good" is refused' })
  @IsString()
  @MaxLength(600)
  description: string;
}

@InputType()
export class RubricCriterionInput {
  @Field({ description: 'Lower-case letters, digits and dashes; unique within the rubric' })
  @IsString()
  @MaxLength(64)
  key: string;

  @Field()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.title)
  title: string;

  @Field()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.text)
  lookFor: string;

  @Field(() => InterviewKind)
  @IsEnum(InterviewKind)
  kind: InterviewKind;

  @Field(() => Float, { description: 'Greater than 0' })
  @IsNumber()
  weight: number;

  @Field(() => SourceCitationInput)
  @ValidateNested()
  @Type(() => SourceCitationInput)
  source: SourceCitationInput;

  @Field(() => [RubricAnchorInput], { description: 'Exactly 4: levels 1, 2, 3 and 4' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RubricAnchorInput)
  anchors: RubricAnchorInput[];
}

@InputType()
export class RubricRedFlagInput {
  @Field()
  @IsString()
  @MaxLength(64)
  key: string;

  @Field()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.title)
  title: string;

  @Field({ description: 'What counts as evidence of it' })
  @IsString()
  @MaxLength(RUBRIC_LIMITS.text)
  description: string;

  @Field(() => RedFlagSeverity)
  @IsEnum(RedFlagSeverity)
  severity: RedFlagSeverity;

  @Field(() => SourceCitationInput)
  @ValidateNested()
  @Type(() => SourceCitationInput)
  source: SourceCitationInput;
}

@InputType()
export class CreateRubricInput {
  @Field()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.name)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.description)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The job it is for; left out, a library rubric usable for any job' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  jobId?: string | null;

  @Field(() => [RubricCriterionInput])
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionInput)
  criteria: RubricCriterionInput[];

  @Field(() => [RubricRedFlagInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.redFlags)
  @ValidateNested({ each: true })
  @Type(() => RubricRedFlagInput)
  redFlags?: RubricRedFlagInput[] | null;
}

@InputType({ description: 'Fields to change; criteria and redFlags replace whole lists' })
export class UpdateRubricInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.name)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(RUBRIC_LIMITS.description)
  description?: string | null;

  @Field(() => [RubricCriterionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionInput)
  criteria?: RubricCriterionInput[] | null;

  @Field(() => [RubricRedFlagInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RUBRIC_LIMITS.redFlags)
  @ValidateNested({ each: true })
  @Type(() => RubricRedFlagInput)
  redFlags?: RubricRedFlagInput[] | null;
}
