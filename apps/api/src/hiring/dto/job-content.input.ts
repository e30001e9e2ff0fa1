import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { AnswerType, PayPeriod, ScreeningQuestionKind } from '@app/domain';
import { CONTENT_LIMITS } from '@app/hiring';

/** An optional list of at most `max` short texts (the GraphQL field and its checks in one). */
const OptionalTextList = (max: number) =>
  applyDecorators(
    Field(() => [String], { nullable: true }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MaxLength(CONTENT_LIMITS.shortText, { each: true }),
  );

// Types and sizes are checked here; how the fields fit together (a CHOICE knock-out needs
// accepted values among its options...) is checked by @app/hiring's schema, field by field.

@InputType()
export class HardSkillInput {
  @Field()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  group: string;

  @Field()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  name: string;

  @Field(() => Float, { description: 'Greater than 0' })
  @IsNumber()
  weight: number;

  @OptionalTextList(CONTENT_LIMITS.aliases)
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Alternatives: skills with the same label count once, at the best level listed and the highest weight among them' })
  @IsOptional()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  anyOf?: string | null;
}

@InputType({ description: 'Shown on the public posting' })
export class PayRangeInput {
  @Field(() => Float)
  @IsNumber()
  min: number;

  @Field(() => Float, { description: 'Not less than min (equal for a fixed amount)' })
  @IsNumber()
  max: number;

  @Field({ description: 'ISO 4217, e.g. "USD"' })
  @IsString()
  @Length(3, 3)
  currency: string;

  @Field(() => PayPeriod)
  @IsEnum(PayPeriod)
  period: PayPeriod;
}

@InputType({ description: 'Where the job is done; the work-authorization question names the country' })
export class WorkplaceInput {
  @Field({ description: 'Country of employment, ISO 3166-1 alpha-2, e.g. "DE"' })
  @IsString()
  @Length(2, 2)
  country: string;

  @Field(() => [String], { defaultValue: [], description: 'ISO 3166-1 alpha-2 codes a remote hire may work from; empty: on site only' })
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  remoteCountries: string[];
}

@InputType()
export class ToolCategoryInput {
  @Field()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  category: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.options)
  @IsString({ each: true })
  @MaxLength(CONTENT_LIMITS.shortText, { each: true })
  items: string[];
}

@InputType()
export class ScreeningRuleInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requiredAnswer?: boolean | null;

  @OptionalTextList(CONTENT_LIMITS.options)
  acceptedValues?: string[] | null;

  @OptionalTextList(CONTENT_LIMITS.options)
  reviewValues?: string[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  passAt?: number | null;

  @Field(() => Int, { nullable: true, deprecationReason: 'Free text is no longer scored by its length; any value is refused' })
  @IsOptional()
  @IsInt()
  minLength?: number | null;

  @Field(() => Float, { nullable: true, description: 'SCORED: greater than 0; KNOCKOUT: leave out' })
  @IsOptional()
  @IsNumber()
  weight?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CONTENT_LIMITS.shortText)
  rejectionReason?: string | null;
}

@InputType()
export class ScreeningQuestionInput {
  @Field({ description: 'Lower-case letters, digits and dashes; unique within the job' })
  @IsString()
  @MaxLength(64)
  key: string;

  @Field()
  @IsString()
  @Length(1, 1000)
  prompt: string;

  @Field(() => ScreeningQuestionKind)
  @IsEnum(ScreeningQuestionKind)
  kind: ScreeningQuestionKind;

  @Field(() => AnswerType)
  @IsEnum(AnswerType)
  answerType: AnswerType;

  @Field(() => Boolean, { nullable: true, description: 'Default true' })
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;

  @OptionalTextList(CONTENT_LIMITS.options)
  options?: string[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  min?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  max?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CONTENT_LIMITS.shortText)
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the job needs it; required of a KNOCKOUT (20-500 characters), shown to candidates' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  justification?: string | null;

  @Field(() => ScreeningRuleInput)
  @ValidateNested()
  @Type(() => ScreeningRuleInput)
  rule: ScreeningRuleInput;
}


/** Every field of a job's content, each optional: left out, it keeps its value (the template's, on create). */
@InputType({ isAbstract: true })
export abstract class JobContentInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, CONTENT_LIMITS.shortText)
  location?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  employmentType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, CONTENT_LIMITS.longText)
  about?: string;

  @OptionalTextList(CONTENT_LIMITS.listItems)
  responsibilities?: string[];

  @OptionalTextList(CONTENT_LIMITS.listItems)
  qualifications?: string[];

  @OptionalTextList(CONTENT_LIMITS.listItems)
  prerequisites?: string[];

  @Field(() => [HardSkillInput], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.hardSkills)
  @ValidateNested({ each: true })
  @Type(() => HardSkillInput)
  hardSkills?: HardSkillInput[];

  @OptionalTextList(CONTENT_LIMITS.listItems)
  softSkills?: string[];

  @Field(() => [ToolCategoryInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.listItems)
  @ValidateNested({ each: true })
  @Type(() => ToolCategoryInput)
  tools?: ToolCategoryInput[];

  @OptionalTextList(CONTENT_LIMITS.listItems)
  perks?: string[];

  @Field(() => [ScreeningQuestionInput], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => ScreeningQuestionInput)
  screeningQuestions?: ScreeningQuestionInput[];

  @Field(() => Float, { nullable: true, description: '0-1: scored answers below it send an application to REVIEW' })
  @IsOptional()
  @IsNumber()
  screeningThreshold?: number;

  @Field(() => PayRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayRangeInput)
  payRange?: PayRangeInput;

  @Field(() => WorkplaceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkplaceInput)
  workplace?: WorkplaceInput;
}
