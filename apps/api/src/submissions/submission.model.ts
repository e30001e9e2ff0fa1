import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language, SubmissionKind, SubmissionState, Verdict } from '@app/domain';

registerEnumType(Verdict, { name: 'Verdict' });
registerEnumType(SubmissionState, { name: 'SubmissionState', description: 'QUEUED, then RUNNING, then FINISHED with a verdict' });
registerEnumType(SubmissionKind, { name: 'SubmissionKind' });
registerEnumType(Language, { name: 'Language' });

@ObjectType('TestResult', { description: 'One test. Hidden tests carry only name, category and status.' })
export class TestResultModel {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Group of hidden tests, e.g. "edge cases"' })
  category?: string | null;

  @Field(() => Verdict)
  status: Verdict;

  @Field(() => Int, { nullable: true, description: 'Visible tests only; null for hidden tests (their time would tell their input size)' })
  timeMs: number | null;

  @Field(() => Float, { nullable: true })
  memoryBytes?: number | null;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'Visible tests only: the returned value as JSON, truncated' })
  actual?: string | null;

  @Field(() => String, { nullable: true, description: 'Visible tests only: what the program printed, truncated' })
  output?: string | null;

  @Field(() => String, { nullable: true, description: 'Visible tests only: why it failed' })
  message?: string | null;
}

@ObjectType('CompileError')
export class CompileErrorModel {
  @Field()
  message: string;

  @Field(() => Int, { nullable: true })
  line: number | null;

  @Field(() => Int, { nullable: true })
  column: number | null;
}

@ObjectType('Submission')
export class SubmissionModel {
  @Field(() => ID)
  id: string;

  @Field(() => SubmissionKind)
  kind: SubmissionKind;

  @Field(() => ID)
  problemId: string;

  @Field(() => ID, { nullable: true })
  attemptId: string | null;

  @Field(() => Language)
  language: Language;

  @Field({ description: 'The code as submitted (its author and staff only)' })
  source: string;

  @Field(() => ID, { nullable: true, description: "The author's user id" })
  userId: string | null;

  @Field(() => SubmissionState)
  state: SubmissionState;

  @Field(() => Verdict, { nullable: true })
  verdict: Verdict | null;

  @Field(() => Float, { nullable: true, description: 'Sum of the weights of accepted tests / sum of all weights' })
  score: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the correctness tests\' weight passed; null until judged' })
  correctness: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Share of the performance tests' weight passed (large generated inputs under CPU limits calibrated on the reference); null until judged or when the problem has none",
  })
  performance: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Correctness and performance in words, e.g. "correct on all cases; too slow on large inputs (n = 100000): a higher time complexity than intended suspected"',
  })
  explanation: string | null;

  @Field(() => Int)
  passed: number;

  @Field(() => Int)
  total: number;

  @Field(() => CompileErrorModel, { nullable: true })
  compileError: CompileErrorModel | null;

  @Field(() => [String], { description: 'TypeScript type errors and similar: reported, never failing' })
  warnings: string[];

  @Field(() => [TestResultModel])
  results: TestResultModel[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
