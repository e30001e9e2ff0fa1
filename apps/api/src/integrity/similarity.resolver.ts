import { Args, Query, Resolver } from '@nestjs/graphql';
import { AppError } from '@app/common';
import { SimilaritySources } from '@app/assessments';
import { Role, SimilarityPairEntity } from '@app/domain';
import { SimilarityService } from '@app/integrity';
import { Roles } from '../graphql/roles.decorator';
import { AttemptSimilarityArgs, SimilarityPairModel, SimilaritySideKind, SimilaritySideModel } from './similarity.model';

/**
 * Code similarity of an attempt's final submissions: recruiters and admins only. Candidates never;
 * interviewers never either (the pairs name other candidates' applications and show their code).
 */
@Resolver(() => SimilarityPairModel)
@Roles(Role.ADMIN, Role.RECRUITER)
export class SimilarityResolver {
  constructor(
    private readonly similarity: SimilarityService,
    private readonly sources: SimilaritySources,
  ) {}

  @Query(() => [SimilarityPairModel], {
    description: "The attempt's highest-similarity pairs (with other candidates' final submissions or a reference solution), with the matching fragments and both codes",
  })
  async attemptSimilarity(@Args() args: AttemptSimilarityArgs): Promise<SimilarityPairModel[]> {
    if (!(await this.sources.attemptExists(args.attemptId))) throw AppError.notFound('Attempt', args.attemptId);
    const pairs = await this.similarity.pairsOfAttempt(args.attemptId, args.first);
    const codes = await this.sources.sourcesOf(pairs.flatMap((p) => [p.leftSubmissionId, ...(p.rightSubmissionId ? [p.rightSubmissionId] : [])]));
    const problems = new Map<string, Awaited<ReturnType<SimilaritySources['problem']>>>();
    for (const id of new Set(pairs.map((p) => p.problemId))) problems.set(id, await this.sources.problem(id));
    return pairs.map((p) => {
      const problem = problems.get(p.problemId);
      const left: SimilaritySideModel = {
        kind: SimilaritySideKind.SUBMISSION,
        submissionId: p.leftSubmissionId,
        attemptId: p.leftAttemptId,
        applicationId: p.leftApplicationId,
        referenceIndex: null,
        covered: p.leftCovered,
        source: codes.get(p.leftSubmissionId) ?? '',
      };
      const right: SimilaritySideModel = p.rightSubmissionId
        ? {
            kind: SimilaritySideKind.SUBMISSION,
            submissionId: p.rightSubmissionId,
            attemptId: p.rightAttemptId,
            applicationId: p.rightApplicationId,
            referenceIndex: null,
            covered: p.rightCovered,
            source: codes.get(p.rightSubmissionId) ?? '',
          }
        : {
            kind: SimilaritySideKind.REFERENCE,
            submissionId: null,
            attemptId: null,
            applicationId: null,
            referenceIndex: p.rightReferenceIndex,
            covered: p.rightCovered,
            source: problem?.referenceSolutions[p.rightReferenceIndex ?? -1]?.source ?? '',
          };
      const mine = p.leftAttemptId === args.attemptId;
      return {
        id: p.id,
        similarity: p.similarity,
        longestFragment: p.longestFragment,
        scope: p.scope,
        problemId: p.problemId,
        problemTitle: problem?.title ?? '',
        language: p.language,
        analyzedAt: p.analyzedAt.toISOString(),
        attempt: mine ? left : right,
        other: mine ? right : left,
        fragments: orient(p, mine),
      };
    });
  }
}

function orient(p: SimilarityPairEntity, mine: boolean): SimilarityPairModel['fragments'] {
  return p.fragments.map((f) => ({ attemptLines: mine ? f.left : f.right, otherLines: mine ? f.right : f.left, kgrams: f.kgrams }));
}
