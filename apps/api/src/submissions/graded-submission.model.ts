import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Language, SubmissionState, Verdict } from '@app/domain';
import { CompileErrorModel } from './submission.model';

@ObjectType('GradedTestResult', { description: 'One test as a grader reads it: no time; hidden tests only with category and status' })
export class GradedTestResultModel {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field(() => Verdict)
  status: Verdict;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'Visible tests only: why it failed' })
  message: string | null;
}

@ObjectType('GradedSubmission', {
  description:
    "A scored submission as a grader reads it: its place in the order, the code and the verdicts. No time and no author id: a submission's time would reveal a private accommodation.",
})
export class GradedSubmissionModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1, 2, 3... in the order the candidate submitted on this problem' })
  ordinal: number;

  @Field(() => ID)
  problemId: string;

  @Field(() => Language)
  language: Language;

  @Field()
  source: string;

  @Field(() => SubmissionState)
  state: SubmissionState;

  @Field(() => Verdict, { nullable: true })
  verdict: Verdict | null;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Int)
  passed: number;

  @Field(() => Int)
  total: number;

  @Field(() => CompileErrorModel, { nullable: true })
  compileError: CompileErrorModel | null;

  @Field(() => [GradedTestResultModel])
  results: GradedTestResultModel[];
}
