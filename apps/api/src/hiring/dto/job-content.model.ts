import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnswerType, JobStatus, PayPeriod, ScreeningQuestionKind } from '@app/domain';

registerEnumType(JobStatus, { name: 'JobStatus', description: 'DRAFT, then PUBLISHED (readable by anyone, open to applications), then CLOSED' });
registerEnumType(ScreeningQuestionKind, { name: 'ScreeningQuestionKind', description: 'KNOCKOUT: a failed answer rejects (prerequisites only, with a justification); SCORED: counts toward the screening score; INFORMATIONAL: read by reviewers, never scored (free text)' });
registerEnumType(AnswerType, { name: 'AnswerType' });
registerEnumType(PayPeriod, { name: 'PayPeriod', description: 'What a pay range is quoted per' });

@ObjectType('Workplace')
export class WorkplaceModel {
  @Field({ description: 'Country of employment, ISO 3166-1 alpha-2' })
  country: string;

  @Field({ description: "The country's English name" })
  countryName: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes a remote hire may work from; empty: on site only' })
  remoteCountries: string[];
}

@ObjectType('PayRange')
export class PayRangeModel {
  @Field(() => Float)
  min: number;

  @Field(() => Float)
  max: number;

  @Field({ description: 'ISO 4217, e.g. "USD"' })
  currency: string;

  @Field(() => PayPeriod)
  period: PayPeriod;
}

@ObjectType('HardSkill')
export class HardSkillModel {
  @Field({ description: 'The job description\'s group, e.g. "Programming Languages"' })
  group: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;

  @Field(() => [String], { description: 'Other spellings that count as this skill (case, spaces and punctuation are ignored anyway)' })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'Any-of label: skills sharing it are alternatives (e.g. one backend language) and count once, at the best level listed and their highest weight' })
  anyOf: string | null;
}

@ObjectType('ToolCategory')
export class ToolCategoryModel {
  @Field()
  category: string;

  @Field(() => [String])
  items: string[];
}

@ObjectType('ScreeningRule', { description: 'How an answer is judged. Staff only.' })
export class ScreeningRuleModel {
  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN: the answer that passes or earns the weight' })
  requiredAnswer: boolean | null;

  @Field(() => [String], { description: 'CHOICE: options that pass or earn the weight' })
  acceptedValues: string[];

  @Field(() => [String], { description: 'CHOICE knock-out: options that send the application to REVIEW' })
  reviewValues: string[];

  @Field(() => Float, { nullable: true, description: 'NUMBER: the value that passes (knock-out) or earns the full weight (scored)' })
  passAt: number | null;

  @Field(() => Float, { nullable: true, deprecationReason: 'Free text is no longer scored by its length: always null' })
  minLength: number | null;

  @Field(() => Float, { description: 'SCORED: share of the screening score; 0 for knock-outs' })
  weight: number;

  @Field(() => String, { nullable: true, description: 'KNOCKOUT: the reason recorded when it fails, after "Knock-out: "' })
  rejectionReason: string | null;
}

@ObjectType('ScreeningQuestion')
export class ScreeningQuestionModel {
  @Field({ description: 'Answers name the question by it' })
  key: string;

  @Field()
  prompt: string;

  @Field(() => ScreeningQuestionKind)
  kind: ScreeningQuestionKind;

  @Field(() => AnswerType)
  answerType: AnswerType;

  @Field()
  required: boolean;

  @Field(() => [String], { description: 'CHOICE: what to pick from' })
  options: string[];

  @Field(() => Float, { nullable: true, description: 'NUMBER: lowest accepted answer' })
  min: number | null;

  @Field(() => Float, { nullable: true, description: 'NUMBER: highest accepted answer' })
  max: number | null;

  @Field(() => String, { nullable: true, description: 'The requirement of the job description it comes from' })
  source: string | null;

  @Field(() => String, { nullable: true, description: 'Why the job needs it (every knock-out has one)' })
  justification: string | null;

  /** Resolved by ScreeningQuestionFieldsResolver for staff only. */
  rule?: ScreeningRuleModel;
}
