import { Field, Float, ID, Int, ObjectType, PickType, registerEnumType } from '@nestjs/graphql';
import { ApplicationStage, EducationStatus, ScreeningOutcome } from '@app/domain';

registerEnumType(ApplicationStage, {
  name: 'ApplicationStage',
  description: 'APPLIED, SCREENED, ASSESSMENT, INTERVIEW, SHORTLISTED, then OFFER, REJECTED or WITHDRAWN (final)',
});
registerEnumType(ScreeningOutcome, { name: 'ScreeningOutcome', description: 'PASSED; REVIEW: a person decides; REJECTED: a knock-out failed' });
registerEnumType(EducationStatus, { name: 'EducationStatus' });

@ObjectType('Education')
export class EducationModel {
  @Field({ description: 'e.g. "BS"' })
  degree: string;

  @Field({ description: 'e.g. "Computer Science"' })
  field: string;

  @Field(() => EducationStatus)
  status: EducationStatus;

  @Field(() => String, { nullable: true })
  institution: string | null;
}

@ObjectType('ApplicantSkill')
export class ApplicantSkillModel {
  @Field()
  name: string;

  @Field(() => Int, { description: 'Self-rated, 1 (beginner) to 5 (expert)' })
  level: number;
}

@ObjectType('ApplicantProfile', { description: 'Under anonymized review, interviewers read no name, email, links or institution until the candidate is shortlisted' })
export class ApplicantProfileModel {
  @Field(() => String, { nullable: true, description: 'Null only when hidden by anonymized review' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Null only when hidden by anonymized review' })
  email: string | null;

  @Field(() => EducationModel)
  education: EducationModel;

  @Field(() => [String], { description: 'Projects and open-source work' })
  links: string[];

  @Field(() => [ApplicantSkillModel])
  skills: ApplicantSkillModel[];
}

@ObjectType('ScreeningAnswer')
export class ScreeningAnswerModel {
  @Field()
  questionKey: string;

  @Field({ description: 'As typed by the question: "true"/"false", a number, an option or text' })
  value: string;
}

@ObjectType('ScreeningOverride')
export class ScreeningOverrideModel {
  @Field(() => ScreeningOutcome)
  outcome: ScreeningOutcome;

  @Field()
  reason: string;

  @Field(() => ID)
  byId: string;

  @Field()
  at: Date;
}

@ObjectType('Screening', { description: 'Staff only. The automatic result stays as computed; an override sits beside it.' })
export class ScreeningModel {
  @Field(() => ScreeningOutcome, { description: 'In force: the override if any, else the automatic outcome' })
  outcome: ScreeningOutcome;

  @Field(() => ScreeningOutcome)
  automaticOutcome: ScreeningOutcome;

  @Field(() => [String], { description: 'Why the automatic screening decided so, e.g. "Knock-out: not authorized to work in the country of employment"' })
  reasons: string[];

  @Field(() => Float, { nullable: true, description: '0-1 over the scored questions; null when the job has none' })
  score: number | null;

  @Field(() => ScreeningOverrideModel, { nullable: true })
  override: ScreeningOverrideModel | null;
}

@ObjectType('MatchedSkill')
export class MatchedSkillModel {
  @Field()
  group: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;

  @Field(() => Int)
  level: number;

  @Field({ description: "The candidate's own wording that matched" })
  matchedAs: string;

  @Field(() => String, { nullable: true, description: 'The any-of group it counted for (the best of its alternatives counts once)' })
  anyOf: string | null;
}

@ObjectType('MissingSkill', { description: 'A job skill, or an any-of group (name: its alternatives joined by " | "), the candidate did not list' })
export class MissingSkillModel extends PickType(MatchedSkillModel, ['group', 'name', 'weight', 'anyOf'] as const) {}

@ObjectType('SkillsMatch', { description: "Staff only. The candidate's skills against the job's hard skills" })
export class SkillsMatchModel {
  @Field(() => Float, { description: '0-1: sum of weight x level / 5 over matched skills, over the sum of all weights' })
  score: number;

  @Field(() => [MatchedSkillModel])
  matched: MatchedSkillModel[];

  @Field(() => [MissingSkillModel])
  missing: MissingSkillModel[];
}

@ObjectType('Application', {
  description: 'Candidates read their own; recruiters and admins all; interviewers those they interview. Screening details are staff only.',
})
export class ApplicationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => ID, {
    description: "The candidate's user id; under anonymized review, for interviewers, the candidate's alias for this job (unrelated to the user id and to other jobs)",
  })
  candidateId: string;

  @Field({ description: 'True when anonymized review hides who the candidate is from the caller' })
  anonymized: boolean;

  @Field(() => ApplicationStage)
  stage: ApplicationStage;

  @Field(() => [ScreeningAnswerModel])
  answers: ScreeningAnswerModel[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Read by guarded field resolvers (ApplicationFieldsResolver), never serialised otherwise. */
  profile: ApplicantProfileModel;
  resume: string | null;
  rejectionReasons: string[];
  screening: ScreeningModel;
  skillsMatch: SkillsMatchModel;
}

@ObjectType('ApplicationPage')
export class ApplicationPage {
  @Field(() => [ApplicationModel])
  items: ApplicationModel[];

  @Field(() => Int)
  total: number;
}
