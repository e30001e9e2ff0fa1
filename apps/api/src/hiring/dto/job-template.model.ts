import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { HardSkillModel, ScreeningQuestionModel, ToolCategoryModel } from './job-content.model';

@ObjectType('JobTemplate', { description: 'A starting point for jobs, loaded from libs/hiring/data/templates' })
export class JobTemplateModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The template file name without .json' })
  key: string;

  @Field()
  name: string;

  @Field()
  title: string;

  @Field()
  location: string;

  @Field()
  employmentType: string;

  @Field()
  about: string;

  @Field(() => [String])
  responsibilities: string[];

  @Field(() => [String])
  qualifications: string[];

  @Field(() => [String])
  prerequisites: string[];

  @Field(() => [HardSkillModel])
  hardSkills: HardSkillModel[];

  @Field(() => [String])
  softSkills: string[];

  @Field(() => [ToolCategoryModel])
  tools: ToolCategoryModel[];

  @Field(() => [String])
  perks: string[];

  @Field(() => [ScreeningQuestionModel])
  screeningQuestions: ScreeningQuestionModel[];

  @Field(() => Float)
  screeningThreshold: number;

  @Field()
  updatedAt: Date;
}
