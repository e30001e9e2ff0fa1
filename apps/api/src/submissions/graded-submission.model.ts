import { Field, Int, ObjectType, PickType } from '@nestjs/graphql';
import { SubmissionModel, TestResultModel } from './submission.model';

/** What a grader reads of a submission and its tests is picked from the full models: no field is copied, and none with a time can be picked by accident below. */
@ObjectType('GradedTestResult', { description: 'One test as a grader reads it: no time; hidden tests only with category and status' })
export class GradedTestResultModel extends PickType(TestResultModel, ['name', 'category', 'status', 'hidden', 'message'] as const) {}

@ObjectType('GradedSubmission', {
  description:
    "A scored submission as a grader reads it: its place in the order, the code and the verdicts. No time and no author id: a submission's time would reveal a private accommodation.",
})
export class GradedSubmissionModel extends PickType(SubmissionModel, [
  'id',
  'problemId',
  'language',
  'source',
  'state',
  'verdict',
  'score',
  'correctness',
  'performance',
  'explanation',
  'passed',
  'total',
  'compileError',
] as const) {
  @Field(() => Int, { description: '1, 2, 3... in the order the candidate submitted on this problem' })
  ordinal: number;

  @Field(() => [GradedTestResultModel])
  results: GradedTestResultModel[];
}
