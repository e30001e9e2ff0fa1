import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { INVITATION_VALID_DAYS } from '@app/assessments';
import { Language } from '@app/domain';
import { CUSTOM_INPUT_MAX_BYTES, SOURCE_KB_MAX, SOURCE_MAX_BYTES } from '@app/sandbox';
import { GraphQLJSON } from '../../graphql/json.scalar';

// A lower-case String (the judge's names), as clients have always sent it; Submission.language is the enum with the same values.
const CODE_LANGUAGES: readonly string[] = Object.values(Language);

@InputType()
export class AssessmentProblemInput {
  @Field(() => ID)
  @IsUUID()
  problemId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  points: number;
}

@InputType()
export class CreateAssessmentInput {
  @Field(() => ID)
  @IsUUID()
  jobId: string;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000)
  instructions: string;

  @Field(() => Int, { description: '5 to 480 minutes' })
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @Field(() => [AssessmentProblemInput], { description: 'In the order the candidate sees them' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AssessmentProblemInput)
  problems: AssessmentProblemInput[];
}

@InputType()
export class InviteInput {
  @Field(() => ID)
  @IsUUID()
  assessmentId: string;

  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => Int, { defaultValue: 0, description: 'Private accommodation: extra time in percent (0-200)' })
  @IsInt()
  @Min(0)
  @Max(200)
  extraTimePercent: number;

  @Field(() => Int, {
    defaultValue: INVITATION_VALID_DAYS,
    description: 'Days the invitation stays open to start (1-60). Unstarted past it, the assessment counts as not taken (0 points) in the shortlist.',
  })
  @IsInt()
  @Min(1)
  @Max(60)
  expiresInDays: number;
}

@InputType()
export class CodeInput {
  @Field(() => ID)
  @IsUUID()
  attemptId: string;

  @Field(() => ID)
  @IsUUID()
  problemId: string;

  @Field(() => String, { description: `${CODE_LANGUAGES.join(', ')}; one of the problem's languages (AttemptProblem.languages)` })
  @IsIn(CODE_LANGUAGES, { message: `must be one of ${CODE_LANGUAGES.join(', ')}` })
  language: Language;

  @Field()
  @IsString()
  // Characters, never more than the UTF-8 bytes: the ceiling any problem may set. The service
  // then holds the source to its own problem's limit (checkSource) and names it.
  @MaxLength(SOURCE_MAX_BYTES, { message: `must be at most ${SOURCE_KB_MAX} KB` })
  source: string;
}

@InputType()
export class CustomInput {
  @Field(() => String, { nullable: true, description: 'Stdio mode: the input' })
  @IsOptional()
  @IsString()
  @MaxLength(CUSTOM_INPUT_MAX_BYTES, { message: `must be at most ${CUSTOM_INPUT_MAX_BYTES / 1024 / 1024} MB` })
  stdin?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Function mode: the arguments, as a JSON array' })
  @IsOptional()
  @IsArray({ message: 'must be a JSON array of arguments' })
  args?: unknown[];
}

@InputType()
export class RunCodeInput extends CodeInput {
  @Field(() => CustomInput, { nullable: true, description: 'Omit to run against the visible examples' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomInput)
  customInput?: CustomInput;
}
