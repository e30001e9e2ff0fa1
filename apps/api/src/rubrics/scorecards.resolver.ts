import { Args, Context, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { STAFF_ROLES, UserEntity } from '@app/domain';
import { ApplicationAccessService, criteriaFor, RubricsService, ScorecardsService, weightedRatings } from '@app/rubrics';
import type { GqlContext } from '../graphql/context';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { userLoader } from '../hiring/hiring.loaders';
import { UserModel } from '../users/user.model';
import { RubricModel } from './dto/rubric.model';
import { AmendScorecardInput, ScorecardDraftInput, SubmitScorecardInput } from './dto/scorecard.input';
import { ScorecardModel, ScorecardVersionModel, TickedRedFlagModel } from './dto/scorecard.model';
import { PinnedRubric, rubricVersionLoader, scorecardVersionsLoader, versionKey } from './rubrics.loaders';
import { tickedRedFlags, toRubricModel, toScorecardModel, toScorecardVersionModel } from './rubrics.mapper';

@Resolver(() => ScorecardModel)
export class ScorecardsResolver {
  constructor(
    private readonly scorecardsService: ScorecardsService,
    private readonly rubrics: RubricsService,
    private readonly access: ApplicationAccessService,
    private readonly users: UsersService,
  ) {}

  private pinned(s: ScorecardModel, ctx: GqlContext): Promise<PinnedRubric | null> {
    return rubricVersionLoader(ctx, this.rubrics).load(versionKey(s.rubricId, s.rubricVersion));
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => ScorecardModel, { description: "The interviewer's draft (created on first save); may be incomplete" })
  async saveScorecardDraft(@Args('input') input: ScorecardDraftInput, @CurrentUser() user: AuthUser): Promise<ScorecardModel> {
    const { interviewId, ...changes } = input;
    return toScorecardModel(await this.scorecardsService.saveDraft(interviewId, changes, user));
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => ScorecardModel, {
    description:
      "Final: every criterion of the interview's kind rated (evidence for 1 and 4), evidence for each red flag, a recommendation",
  })
  async submitScorecard(@Args('input') input: SubmitScorecardInput, @CurrentUser() user: AuthUser): Promise<ScorecardModel> {
    const { interviewId, ...changes } = input;
    return toScorecardModel(await this.scorecardsService.submit(interviewId, changes, user));
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => ScorecardModel, {
    description: 'Changes a submitted scorecard, by its interviewer, with a reason: kept as the next version',
  })
  async amendScorecard(@Args('input') input: AmendScorecardInput, @CurrentUser() user: AuthUser): Promise<ScorecardModel> {
    const { scorecardId, reason, ...changes } = input;
    return toScorecardModel(await this.scorecardsService.amend(scorecardId, changes, reason, user));
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [ScorecardModel], {
    description:
      "The scorecards of an application the caller may read: recruiters and admins all; an interviewer their own, and others' submitted ones once they have submitted theirs",
  })
  async scorecards(
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ScorecardModel[]> {
    await this.access.entity(applicationId, user);
    return ((await this.scorecardsService.readableForApplications([applicationId], user)).get(applicationId) ?? []).map(toScorecardModel);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => UserModel, { nullable: true })
  interviewer(@Parent() s: ScorecardModel, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return userLoader(ctx, this.users).load(s.interviewerId);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => RubricModel, { description: 'The rubric version it is scored against' })
  async rubric(@Parent() s: ScorecardModel, @Context() ctx: GqlContext): Promise<RubricModel> {
    const p = await this.pinned(s, ctx);
    if (!p) throw AppError.notFound('Rubric version', `${s.rubricId} v${s.rubricVersion}`);
    return toRubricModel(p.rubric, p.version);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [TickedRedFlagModel], { description: 'Red flags ticked, each with its evidence' })
  async redFlags(@Parent() s: ScorecardModel, @Context() ctx: GqlContext): Promise<TickedRedFlagModel[]> {
    return tickedRedFlags(s.rawRedFlags, (await this.pinned(s, ctx))?.version ?? null);
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => Float, {
    nullable: true,
    description: "0-1: the ratings mapped from 1-4 onto 0-1, weighted by the criteria's weights; null with no rating",
  })
  async weightedScore(@Parent() s: ScorecardModel, @Context() ctx: GqlContext): Promise<number | null> {
    const p = await this.pinned(s, ctx);
    return p ? weightedRatings(criteriaFor(p.version, s.kind), s.ratings).score : null;
  }

  @Roles(...STAFF_ROLES)
  @ResolveField(() => [ScorecardVersionModel], { description: 'The submission and every amendment, oldest first' })
  async versions(@Parent() s: ScorecardModel, @Context() ctx: GqlContext): Promise<ScorecardVersionModel[]> {
    const [versions, p] = await Promise.all([scorecardVersionsLoader(ctx, this.scorecardsService).load(s.id), this.pinned(s, ctx)]);
    return versions.map((v) => toScorecardVersionModel(v, p?.version ?? null));
  }
}
