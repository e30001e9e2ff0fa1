import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested, IsEnum } from 'class-validator';
import { ProblemValidationStatus, ReferenceLanguage } from '@app/domain';
import { REFERENCE_LANGUAGES } from '@app/assessments';
import { PROBLEM_LIMITS } from '@app/contracts';
import { SOURCE_KB_MAX, SOURCE_MAX_BYTES } from '@app/sandbox';
import { GraphQLJSON } from '../../graphql/json.scalar';
import { MaxJsonBytes } from '../../graphql/max-json-bytes.validator';
import { PROBLEM_DEFINITION_MAX_BYTES } from '../../graphql/operation-limits';
import { PageArgs } from '../../graphql/page.args';

@InputType()
export class ReferenceSolutionInput {
  @Field(() => String, { description: `${REFERENCE_LANGUAGES.join(', ')}; one the problem offers` })
  @IsIn(REFERENCE_LANGUAGES, { message: `must be one of ${REFERENCE_LANGUAGES.join(', ')}` })
  language: ReferenceLanguage;

  @Field()
  @IsString()
  @MaxLength(SOURCE_MAX_BYTES, { message: `must be at most ${SOURCE_KB_MAX} KB` })
  source: string;
}

@InputType()
export class WrongSolutionInput extends ReferenceSolutionInput {
  @Field({ description: 'kebab-case; `slow` or `slow-*`: correct but too slow (must fail on time on a performance test); any other: must fail a correctness test' })
  @IsString()
  @MaxLength(PROBLEM_LIMITS.wrongLabel)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lowercase words joined by hyphens' })
  label: string;
}

@InputType()
export class ProblemInput {
  @Field(() => GraphQLJSON, { description: 'The problem document in the judge format (slug, title, statement, mode, tests, ...)' })
  @IsObject({ message: 'must be a JSON object' })
  @MaxJsonBytes(PROBLEM_DEFINITION_MAX_BYTES)
  definition: Record<string, unknown>;

  @Field(() => [ReferenceSolutionInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one reference solution' })
  @ArrayMaxSize(PROBLEM_LIMITS.referenceSolutions)
  @ValidateNested({ each: true })
  @Type(() => ReferenceSolutionInput)
  referenceSolutions: ReferenceSolutionInput[];

  @Field(() => [WrongSolutionInput], { nullable: true, description: 'Known-wrong solutions: validation proves each one fails as its label says' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROBLEM_LIMITS.wrongSolutions)
  @ValidateNested({ each: true })
  @Type(() => WrongSolutionInput)
  wrongSolutions?: WrongSolutionInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PROBLEM_LIMITS.difficulty)
  difficulty?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROBLEM_LIMITS.tags)
  @IsString({ each: true })
  @MaxLength(PROBLEM_LIMITS.tag, { each: true })
  tags?: string[];

  @Field({ nullable: true, description: 'A warm-up candidates may try before an assessment: never scored, never in an assessment' })
  @IsOptional()
  @IsBoolean()
  practice?: boolean;
}

@ArgsType()
export class ProblemsArgs extends PageArgs {
  @Field(() => ProblemValidationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProblemValidationStatus)
  status?: ProblemValidationStatus;
}
