import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ProblemsService } from '@app/assessments';
import { AuthUser } from '@app/auth';
import { HIRING_MANAGERS, ProblemEntity, STAFF_ROLES } from '@app/domain';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { ProblemInput, ProblemsArgs } from './dto/problem.input';
import { ProblemModel, ProblemPage } from './dto/problem.model';

export const toProblemModel = (p: ProblemEntity): ProblemModel => ({ ...p });

/** The problem bank: staff only. Candidates reach problems only through their attempt. */
@Resolver(() => ProblemModel)
@Roles(...HIRING_MANAGERS)
export class ProblemsResolver {
  constructor(private readonly problemsService: ProblemsService) {}

  @Mutation(() => ProblemModel, { description: 'Adds a problem (PENDING until validateProblem succeeds)' })
  async createProblem(@Args('input') input: ProblemInput, @CurrentUser() user: AuthUser): Promise<ProblemModel> {
    return toProblemModel(await this.problemsService.create(input, user.id));
  }

  @Mutation(() => ProblemModel, { description: 'Changes a problem: a new version, PENDING until validated again' })
  async updateProblem(@Args('id', { type: () => ID }) id: string, @Args('input') input: ProblemInput): Promise<ProblemModel> {
    return toProblemModel(await this.problemsService.update(id, input));
  }

  @Mutation(() => ProblemModel, { description: 'Judges every reference solution through the queue; VALID when all pass every test' })
  async validateProblem(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ProblemModel> {
    return toProblemModel(await this.problemsService.validate(id, user.id));
  }

  @Roles(...STAFF_ROLES)
  @Query(() => ProblemPage)
  async problems(@Args() args: ProblemsArgs): Promise<ProblemPage> {
    const page = await this.problemsService.list(args);
    return { items: page.items.map(toProblemModel), total: page.total };
  }

  @Roles(...STAFF_ROLES)
  @Query(() => ProblemModel)
  async problem(@Args('id', { type: () => ID }) id: string): Promise<ProblemModel> {
    return toProblemModel(await this.problemsService.get(id));
  }
}
