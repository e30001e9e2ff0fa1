import { Field, ID, Int, ObjectType, OmitType, PickType, registerEnumType } from '@nestjs/graphql';
import { ApplicationStage, AttemptStatus, InterviewKind, InterviewStatus } from '@app/domain';
import { AttemptResultsModel, ProblemResultModel } from '../../assessments/dto/assessment.model';
import { ApplicantSkillModel, EducationModel } from '../../hiring/dto/application.model';
import { GradedSubmissionModel } from '../../submissions/graded-submission.model';

registerEnumType(InterviewStatus, {
  name: 'InterviewStatus',
  description: 'SCHEDULED, then COMPLETED (its scorecard was submitted) or CANCELLED',
});

@ObjectType('InterviewCandidate', {
  description:
    'The candidate as the interviewer sees them. Under anonymized review an interviewer gets no name, email, links, institution or résumé until the application is SHORTLISTED or OFFER.',
})
export class InterviewCandidateModel {
  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  jobId: string;

  @Field()
  jobTitle: string;

  @Field(() => ApplicationStage)
  stage: ApplicationStage;

  @Field({ description: 'True when anonymized review hides who the candidate is from the caller' })
  anonymized: boolean;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [String], { description: 'Projects and open-source work; empty when anonymized' })
  links: string[];

  @Field(() => EducationModel, { description: 'institution is null when anonymized' })
  education: EducationModel;

  @Field(() => [ApplicantSkillModel])
  skills: ApplicantSkillModel[];

  @Field(() => String, { nullable: true, description: 'Plain text; null when anonymized' })
  resume: string | null;
}

/** The managers' ProblemResult without its times: the time taken, and submissions as graders read them. */
@ObjectType('InterviewProblemResult')
export class InterviewProblemResultModel extends OmitType(ProblemResultModel, ['timeTakenSeconds', 'submissions'] as const) {
  @Field(() => [GradedSubmissionModel], { description: 'Every scored submission, in the order submitted, without times' })
  submissions: GradedSubmissionModel[];
}

@ObjectType('InterviewAssessmentResult', {
  description:
    "An assessment attempt of the interview's application, as interviewers read it: results only. No accommodation, and no start time, deadline or end time it could be inferred from.",
})
export class InterviewAssessmentResultModel extends PickType(AttemptResultsModel, ['pointsPossible', 'pointsEarned', 'score'] as const) {
  @Field(() => ID)
  attemptId: string;

  @Field(() => ID)
  assessmentId: string;

  @Field()
  title: string;

  @Field(() => AttemptStatus)
  status: AttemptStatus;

  @Field(() => [InterviewProblemResultModel])
  problems: InterviewProblemResultModel[];
}

@ObjectType('Interview', { description: 'Recruiters and admins read every interview; an interviewer their own.' })
export class InterviewModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => ID)
  interviewerId: string;

  @Field(() => ID)
  rubricId: string;

  @Field(() => Int, { description: 'The rubric version pinned when it was scheduled; its scorecard is scored against it' })
  rubricVersion: number;

  @Field(() => InterviewKind)
  kind: InterviewKind;

  @Field()
  scheduledAt: Date;

  @Field(() => InterviewStatus)
  status: InterviewStatus;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field()
  createdAt: Date;
}
