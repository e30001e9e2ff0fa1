import { Field, Float, ObjectType, PickType } from '@nestjs/graphql';
import { JobModel } from './job.model';

/** A template is a job's content without the job's lifecycle: its fields are picked from Job, not copied. */
@ObjectType('JobTemplate', { description: 'A starting point for jobs, loaded from libs/hiring/data/templates' })
export class JobTemplateModel extends PickType(JobModel, [
  'id',
  'title',
  'location',
  'employmentType',
  'about',
  'responsibilities',
  'qualifications',
  'prerequisites',
  'hardSkills',
  'softSkills',
  'tools',
  'perks',
  'screeningQuestions',
  'updatedAt',
] as const) {
  @Field({ description: 'The template file name without .json' })
  key: string;

  @Field()
  name: string;

  @Field(() => Float)
  screeningThreshold: number;
}
