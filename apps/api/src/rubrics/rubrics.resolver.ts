import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '@app/auth';
import { STAFF_ROLES } from '@app/domain';
import { HIRING_MANAGERS } from '@app/hiring';
import { RubricsService, RubricUpdate } from '@app/rubrics';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { RubricModel } from './dto/rubric.model';
import { CreateRubricInput, UpdateRubricInput } from './dto/rubric.input';
import { RubricsArgs } from './dto/rubrics.args';
import { versionKey } from './rubrics.loaders';
import { toRubricModel } from './rubrics.mapper';

const ID_ARG = { type: () => ID };
const model = (u: RubricUpdate): RubricModel => toRubricModel(u.rubric, u.version);

@Resolver(() => RubricModel)
export class RubricsResolver {
  constructor(private readonly rubricsService: RubricsService) {}

  @Roles(...STAFF_ROLES)
  @Query(() => [RubricModel], {
    description: "Staff only. Library rubrics and, with jobId, the job's own; each at its current version, by name.",
  })
  async rubrics(@Args() args: RubricsArgs): Promise<RubricModel[]> {
    const list = await this.rubricsService.list(args);
    const versions = new Map(
      (await this.rubricsService.findVersions(list.map((r) => ({ rubricId: r.id, version: r.currentVersion })))).map((v) => [
        versionKey(v.rubricId, v.version),
        v,
      ]),
    );
    return list.flatMap((r) => {
      const v = versions.get(versionKey(r.id, r.currentVersion));
      return v ? [toRubricModel(r, v)] : [];
    });
  }

  @Roles(...STAFF_ROLES)
  @Query(() => RubricModel, { description: 'Staff only. The current version, or the one asked for.' })
  async rubric(
    @Args('id', ID_ARG) id: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<RubricModel> {
    const rubric = await this.rubricsService.get(id);
    return toRubricModel(rubric, await this.rubricsService.version(id, version ?? rubric.currentVersion));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => RubricModel, { description: 'A rubric at version 1: for a job, or a library rubric without jobId' })
  async createRubric(@Args('input') input: CreateRubricInput, @CurrentUser() user: AuthUser): Promise<RubricModel> {
    return model(await this.rubricsService.create(input, user));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => RubricModel, { description: "A job's own copy of a rubric's current version, to edit for that job" })
  async cloneRubric(
    @Args('id', ID_ARG) id: string,
    @Args('jobId', ID_ARG) jobId: string,
    @Args('name', { type: () => String, nullable: true, description: 'Default: "<source name> (<job title>)"' }) name: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<RubricModel> {
    return model(await this.rubricsService.clone(id, jobId, user, name));
  }

  @Roles(...HIRING_MANAGERS)
  @Mutation(() => RubricModel, {
    description:
      'Edits the current version in place while no submitted scorecard uses it; otherwise makes the next version (scorecards keep theirs). Seeded rubrics are cloned, not edited.',
  })
  async updateRubric(
    @Args('id', ID_ARG) id: string,
    @Args('input') input: UpdateRubricInput,
    @CurrentUser() user: AuthUser,
  ): Promise<RubricModel> {
    return model(await this.rubricsService.update(id, input, user));
  }
}
