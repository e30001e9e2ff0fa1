import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttemptStatus, Verdict } from '@app/domain';
import { GraphQLJSON } from '../../graphql/json.scalar';
import { SubmissionModel } from '../../submissions/submission.model';
import { ProblemModel } from './problem.model';

registerEnumType(AttemptStatus, { name: 'AttemptStatus' });

@ObjectType('AssessmentProblem')
export class AssessmentProblemModel {
  @Field(() => Int)
  position: number;

  @Field(() => ID)
  problemId: string;

  @Field(() => Int)
  points: number;

  @Field(() => ProblemModel, { description: 'Staff only' })
  problem?: ProblemModel;
}

@ObjectType('Assessment')
export class AssessmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobId: string;

  @Field()
  title: string;

  @Field()
  instructions: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => [AssessmentProblemModel])
  problems: AssessmentProblemModel[];

  @Field()
  createdAt: Date;
}

@ObjectType('ExampleTable', { description: "An SQL example's table: its rows in declared column order" })
export class ExampleTableModel {
  @Field()
  name: string;

  @Field(() => [String], { nullable: true, description: 'From the schema; null when it could not be read' })
  columns: string[] | null;

  @Field(() => GraphQLJSON, { description: 'Rows, each an array of values' })
  rows: unknown[][];
}

@ObjectType('Example')
export class ExampleModel {
  @Field()
  name: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Function mode: the arguments' })
  args: unknown[] | null;

  @Field(() => String, { nullable: true, description: 'Stdio mode: the input' })
  stdin: string | null;

  @Field(() => [ExampleTableModel], { nullable: true, description: 'SQL mode: the rows each table holds before the query runs' })
  tables: ExampleTableModel[] | null;

  @Field(() => GraphQLJSON, { description: 'SQL mode: { columns, rows } of the expected result' })
  expected: unknown;
}

@ObjectType('LanguageText', { description: 'A text that differs per language, e.g. the starter code' })
export class LanguageTextModel {
  @Field({ description: 'As CodeInput.language takes it, e.g. python' })
  language: string;

  @Field()
  text: string;
}

@ObjectType('HiddenTestGroup', { description: 'Hidden tests are counted per category; their data is never sent' })
export class HiddenTestGroupModel {
  @Field()
  category: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('AttemptProblem', { description: 'A problem as the candidate sees it' })
export class AttemptProblemModel {
  @Field(() => Int)
  position: number;

  @Field(() => ID)
  problemId: string;

  @Field(() => Int)
  points: number;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field({ description: 'Markdown' })
  statement: string;

  @Field()
  mode: string;

  @Field(() => String, { nullable: true })
  entryPoint: string | null;

  @Field(() => [String], { description: 'The languages a submission may use, as CodeInput.language takes them (javascript, typescript, python, sql)' })
  languages: string[];

  @Field(() => [LanguageTextModel], { description: 'Function mode: the function to define, per language (Python names are snake_case)' })
  entryPoints: LanguageTextModel[];

  @Field(() => [LanguageTextModel], { description: 'The signature to implement, per language (where the problem gives one)' })
  signatures: LanguageTextModel[];

  @Field(() => [LanguageTextModel], { description: 'Starter code per language (where the problem gives one)' })
  starters: LanguageTextModel[];

  @Field(() => String, { nullable: true, description: 'SQL mode: the DDL every test runs before the query' })
  schema: string | null;

  @Field(() => Int, { nullable: true })
  timeLimitMs: number | null;

  @Field(() => Int, { nullable: true })
  memoryLimitMb: number | null;

  @Field(() => [ExampleModel])
  examples: ExampleModel[];

  @Field(() => [HiddenTestGroupModel])
  hiddenTests: HiddenTestGroupModel[];

  @Field(() => Float, { description: 'Best score so far, 0-1' })
  bestScore: number;
}

@ObjectType('Attempt')
export class AttemptModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assessmentId: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  candidateId: string;

  @Field(() => AttemptStatus, { description: 'An attempt past its deadline is FINISHED' })
  status: AttemptStatus;

  @Field()
  title: string;

  @Field()
  instructions: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => Date, { nullable: true, description: 'Start it before then; unstarted past it, the assessment counts as not taken (0 points). Null: no expiry' })
  invitationExpiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set by the server when the attempt starts' })
  deadline: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Seconds until the deadline, by the server clock' })
  secondsLeft: number | null;

  @Field()
  serverTime: Date;

  // Not exposed as a field: read through the guarded extraTimePercent field resolver.
  extra: number;
}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => AttemptModel)
  attempt: AttemptModel;

  @Field({ description: 'Single-use; shown once. The candidate starts the attempt with it.' })
  token: string;

  @Field({ description: 'Path of the web page that opens the invitation' })
  link: string;
}

@ObjectType('ProblemResult')
export class ProblemResultModel {
  @Field(() => Int)
  position: number;

  @Field(() => ID)
  problemId: string;

  @Field()
  title: string;

  @Field(() => Int)
  points: number;

  @Field(() => Float, { description: 'Best score, 0-1' })
  bestScore: number;

  @Field(() => Float)
  pointsEarned: number;

  @Field(() => Verdict, { nullable: true })
  bestVerdict: Verdict | null;

  @Field(() => [Verdict])
  verdicts: Verdict[];

  @Field(() => Int)
  submissionsCount: number;

  @Field(() => Int, { nullable: true, description: 'Seconds from the start to the first submission with the best score' })
  timeTakenSeconds: number | null;

  @Field(() => [SubmissionModel], { description: 'Every submission, with its code' })
  submissions: SubmissionModel[];
}

@ObjectType('AttemptResults')
export class AttemptResultsModel {
  @Field(() => AttemptModel)
  attempt: AttemptModel;

  @Field(() => Float)
  pointsPossible: number;

  @Field(() => Float)
  pointsEarned: number;

  @Field(() => Float, { description: 'pointsEarned / pointsPossible' })
  score: number;

  @Field(() => [ProblemResultModel])
  problems: ProblemResultModel[];
}
