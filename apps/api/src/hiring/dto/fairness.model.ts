import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ApplicationStage } from '@app/domain';

@ObjectType('SelfIdentificationQuestion', { description: 'A voluntary self-identification question; "Prefer not to say" is always the last option' })
export class SelfIdQuestionModel {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  prompt: string;

  @Field(() => [String])
  options: string[];
}

@InputType()
export class SelfIdAnswerInput {
  @Field({ description: 'A question key, e.g. "gender"' })
  @IsString()
  @MaxLength(50)
  question: string;

  @Field({ description: 'One of the question\'s options' })
  @IsString()
  @MaxLength(200)
  value: string;
}

@InputType()
export class SelfIdentificationInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => [SelfIdAnswerInput], { description: 'Any subset of the questions; answering again replaces all answers' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SelfIdAnswerInput)
  answers: SelfIdAnswerInput[];
}

@ObjectType('GroupRate')
export class GroupRateModel {
  @Field()
  group: string;

  @Field(() => Int, { nullable: true, description: "Candidates of the group in this step's pool; null when suppressed" })
  considered: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, how many reached the stage; null when suppressed' })
  selected: number | null;

  @Field(() => Float, { nullable: true })
  rate: number | null;

  @Field(() => Float, { nullable: true, description: "rate / the reference group's rate" })
  impactRatio: number | null;

  @Field({ description: 'Fewer candidates than the minimum group size (or hidden with the only such group)' })
  suppressed: boolean;

  @Field({ description: 'impactRatio below 0.80: a sign of adverse impact to investigate' })
  belowFourFifths: boolean;
}

@ObjectType('StageImpact')
export class StageImpactModel {
  @Field(() => ApplicationStage)
  stage: ApplicationStage;

  @Field(() => String, { nullable: true, description: 'The shown group with the highest rate' })
  referenceGroup: string | null;

  @Field(() => [GroupRateModel])
  groups: GroupRateModel[];
}

@ObjectType('AdverseImpactReport', { description: 'Selection rates per self-identified group and step of one job; no person is identifiable' })
export class AdverseImpactReportModel {
  @Field(() => SelfIdQuestionModel)
  question: SelfIdQuestionModel;

  @Field(() => Int)
  minGroupSize: number;

  @Field(() => Int, { description: 'Applicants who did not answer or preferred not to say' })
  notDisclosed: number;

  @Field(() => [StageImpactModel])
  stages: StageImpactModel[];

  @Field({ description: 'How to read the report' })
  explanation: string;
}
