import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../graphql/json.scalar';
import { ProblemValidationStatus } from '@app/domain';

registerEnumType(ProblemValidationStatus, { name: 'ProblemValidationStatus', description: 'Only VALID problems can go into an assessment' });

@ObjectType('ReferenceSolution')
export class ReferenceSolutionModel {
  @Field()
  language: string;

  @Field()
  source: string;
}

@ObjectType('Problem', { description: 'A problem of the bank, as staff see it (hidden tests and reference solutions included).' })
export class ProblemModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field()
  difficulty: string;

  @Field(() => [String])
  tags: string[];

  @Field({ description: 'A warm-up candidates may try before an assessment: never scored, never in an assessment' })
  practice: boolean;

  @Field(() => Int, { description: 'Bumped on every change; validation applies to one version' })
  version: number;

  @Field(() => ProblemValidationStatus)
  validationStatus: ProblemValidationStatus;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The last validation: per reference solution, verdict and failing tests' })
  validationReport: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { description: 'The problem document in the judge format' })
  definition: Record<string, unknown>;

  @Field(() => [ReferenceSolutionModel])
  referenceSolutions: ReferenceSolutionModel[];

  @Field()
  createdAt: Date;
}

@ObjectType('ProblemPage')
export class ProblemPage {
  @Field(() => [ProblemModel])
  items: ProblemModel[];

  @Field(() => Int)
  total: number;
}
