import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUrl, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EducationStatus } from '@app/domain';
import { MAX_TEXT_ANSWER, RESUME_MAX_CHARS } from '@app/hiring';

@InputType()
export class EducationInput {
  @Field({ description: 'e.g. "BS"' })
  @IsString()
  @Length(1, 100)
  degree: string;

  @Field({ description: 'e.g. "Computer Science"' })
  @IsString()
  @Length(1, 100)
  field: string;

  @Field(() => EducationStatus)
  @IsEnum(EducationStatus)
  status: EducationStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  institution?: string | null;
}

@InputType()
export class ApplicantSkillInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => Int, { description: '1 (beginner) to 5 (expert)' })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

@InputType()
export class ApplicantProfileInput {
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => EducationInput)
  @ValidateNested()
  @Type(() => EducationInput)
  education: EducationInput;

  @Field(() => [String], { nullable: true, description: 'Projects, open-source work: up to 10 http(s) URLs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'each link must be an http(s) URL' })
  @MaxLength(500, { each: true })
  links?: string[] | null;

  @Field(() => [ApplicantSkillInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ApplicantSkillInput)
  skills?: ApplicantSkillInput[] | null;
}

@InputType()
export class ScreeningAnswerInput {
  @Field()
  @IsString()
  @MaxLength(64)
  questionKey: string;

  @Field({ description: 'BOOLEAN: true/false (or yes/no); NUMBER: digits; CHOICE: one of the options; TEXT: free text' })
  @IsString()
  @MaxLength(MAX_TEXT_ANSWER)
  value: string;
}

@InputType()
export class ApplyToJobInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  jobId: string;

  @Field(() => ApplicantProfileInput)
  @ValidateNested()
  @Type(() => ApplicantProfileInput)
  profile: ApplicantProfileInput;

  @Field(() => [ScreeningAnswerInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScreeningAnswerInput)
  answers: ScreeningAnswerInput[];

  @Field({ description: `Plain text, at most ${RESUME_MAX_CHARS} characters` })
  @IsString()
  @Length(1, RESUME_MAX_CHARS)
  resume: string;
}
