import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JobStatus } from '@app/domain';
import { HardSkillModel, PayRangeModel, ScreeningQuestionModel, ToolCategoryModel, WorkplaceModel } from './job-content.model';

@ObjectType('Job', { description: 'A job opening. Anyone reads published jobs; staff read all, and the fields marked staff only.' })
export class JobModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  templateId: string | null;

  @Field(() => JobStatus)
  status: JobStatus;

  @Field()
  title: string;

  @Field()
  location: string;

  @Field({ description: 'e.g. "Full-time Internship"' })
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

  @Field(() => [ScreeningQuestionModel], { description: 'What applicants answer; the rules are staff only' })
  screeningQuestions: ScreeningQuestionModel[];

  @Field(() => PayRangeModel, { nullable: true, description: 'Public, on the posting; staff see a publishing warning while it is missing' })
  payRange: PayRangeModel | null;

  @Field(() => WorkplaceModel, { nullable: true, description: 'Public: the country of employment and remote-allowed countries; staff see a publishing warning while it is missing' })
  /** Resolved with countryName by JobsResolver.workplace. */
  workplace: Omit<WorkplaceModel, 'countryName'> | null;

  @Field({ description: 'Interviewers see no name, email or links until the candidate is shortlisted' })
  anonymizedReview: boolean;

  @Field({ description: 'A failed knock-out rejects at once; false (the default): it waits in the review queue for a recruiter' })
  autoReject: boolean;

  @Field({ description: "Interviewers of an application may read its attempt timelines, with times relative to the attempt's allowed time only; false (the default): recruiters and admins only" })
  interviewersSeeTimeline: boolean;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Staff only, through field resolvers: screeningThreshold, createdById, applicationCount. */
  screeningThreshold?: number;
  createdById?: string;
}

@ObjectType('JobPage')
export class JobPage {
  @Field(() => [JobModel])
  items: JobModel[];

  @Field(() => Int)
  total: number;
}
