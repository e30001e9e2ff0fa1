import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '@app/auth';
import { Role } from '@app/domain';
import { integrityReviewOf, SimilarityService } from '@app/integrity';
import { DEFAULT_POLICY, ShortlistPolicy, ShortlistService } from '@app/shortlist';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { RedFlagMode, ShortlistArgs, ShortlistComponentName, ShortlistModel, ShortlistPolicyInput, ShortlistPolicyModel } from './shortlist.model';

export function toPolicyModel(p: ShortlistPolicy): ShortlistPolicyModel {
  return {
    weights: p.weights,
    requireComponents: p.requireComponents as ShortlistComponentName[],
    redFlagMode: p.redFlags.mode as RedFlagMode,
    redFlagPenalties: p.redFlags.penalties,
    demoteAtSeverity: p.redFlags.demoteAtSeverity as ShortlistPolicyModel['demoteAtSeverity'],
    minSharedCandidates: p.minSharedCandidates,
  };
}

/** Ranked, explained shortlists: recruiters and admins only. */
@Resolver(() => ShortlistModel)
@Roles(Role.ADMIN, Role.RECRUITER)
export class ShortlistResolver {
  constructor(
    private readonly shortlists: ShortlistService,
    private readonly similarity: SimilarityService,
  ) {}

  @Query(() => ShortlistModel, { description: 'Ranked, cursor-paginated; every entry explains its score' })
  async shortlist(@Args() args: ShortlistArgs): Promise<ShortlistModel> {
    const page = await this.shortlists.page(args.jobId, args.filter ?? {}, args.first, args.after);
    // Added after ranking, from the similarity pairs: the marker never enters the score.
    const markers = await this.similarity.markersForJob(args.jobId, page.entries.map((e) => e.applicationId));
    const entries = page.entries.map((e) => ({ ...e, integrityReview: integrityReviewOf(markers.get(e.applicationId)) })) as ShortlistModel['entries'];
    return { ...page, entries, policy: toPolicyModel(page.policy) };
  }

  @Query(() => ShortlistPolicyModel)
  async shortlistPolicy(@Args('jobId', { type: () => ID }) jobId: string): Promise<ShortlistPolicyModel> {
    return toPolicyModel(await this.shortlists.policy(jobId));
  }

  @Mutation(() => ShortlistPolicyModel, { description: "Sets a job's weights and rules" })
  async updateShortlistPolicy(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('input') input: ShortlistPolicyInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ShortlistPolicyModel> {
    const policy: ShortlistPolicy = {
      weights: input.weights,
      requireComponents: input.requireComponents,
      redFlags: { mode: input.redFlagMode, penalties: input.redFlagPenalties ?? DEFAULT_POLICY.redFlags.penalties, demoteAtSeverity: input.demoteAtSeverity },
      minSharedCandidates: input.minSharedCandidates,
    };
    return toPolicyModel(await this.shortlists.updatePolicy(jobId, policy, user.id));
  }
}
