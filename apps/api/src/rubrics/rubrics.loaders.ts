import DataLoader from 'dataloader';
import { AttemptResults } from '@app/assessments';
import type { AuthUser } from '@app/auth';
import { InterviewEntity, RubricEntity, RubricVersionEntity, ScorecardEntity, ScorecardVersionEntity } from '@app/domain';
import { InterviewsService, RubricsService, ScorecardsService } from '@app/rubrics';
import type { GqlContext } from '../graphql/context';

function perRequest<K, V>(ctx: GqlContext, name: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
  let l = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!l) {
    l = make();
    ctx.loaders.set(name, l);
  }
  return l;
}

export interface PinnedRubric {
  rubric: RubricEntity;
  version: RubricVersionEntity;
}

export const versionKey = (rubricId: string, version: number) => `${rubricId}:${version}`;

/** Rubric versions by "rubricId:version", two queries per request whatever the list. */
export function rubricVersionLoader(ctx: GqlContext, rubrics: RubricsService): DataLoader<string, PinnedRubric | null> {
  return perRequest(
    ctx,
    'rubrics.version',
    () =>
      new DataLoader(async (keys: readonly string[]) => {
        const refs = keys.map((k) => {
          const i = k.lastIndexOf(':');
          return { rubricId: k.slice(0, i), version: Number(k.slice(i + 1)) };
        });
        const [rs, vs] = await Promise.all([rubrics.findByIds([...new Set(refs.map((r) => r.rubricId))]), rubrics.findVersions(refs)]);
        const rById = new Map(rs.map((r) => [r.id, r]));
        const vByKey = new Map(vs.map((v) => [versionKey(v.rubricId, v.version), v]));
        return keys.map((k, i) => {
          const rubric = rById.get(refs[i].rubricId);
          const version = vByKey.get(k);
          return rubric && version ? { rubric, version } : null;
        });
      }),
  );
}

/**
 * The scorecards of each application the caller may read (the blind rule applied in
 * ScorecardsService): every path to a scorecard goes through this loader or that service.
 */
export function readableScorecardsLoader(
  ctx: GqlContext,
  scorecards: ScorecardsService,
  viewer: AuthUser,
): DataLoader<string, ScorecardEntity[]> {
  return perRequest(
    ctx,
    `rubrics.readableScorecards:${viewer.id}`,
    () =>
      new DataLoader(async (applicationIds: readonly string[]) => {
        const byApp = await scorecards.readableForApplications(applicationIds, viewer);
        return applicationIds.map((id) => byApp.get(id) ?? []);
      }),
  );
}

export function scorecardVersionsLoader(ctx: GqlContext, scorecards: ScorecardsService): DataLoader<string, ScorecardVersionEntity[]> {
  return perRequest(
    ctx,
    'rubrics.scorecardVersions',
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const byId = await scorecards.versionsOf(ids);
        return ids.map((id) => byId.get(id) ?? []);
      }),
  );
}

/** The interviews of each application the caller may read: all for recruiters and admins, their own for anyone else. */
export function readableInterviewsLoader(
  ctx: GqlContext,
  interviews: InterviewsService,
  viewer: AuthUser,
): DataLoader<string, InterviewEntity[]> {
  return perRequest(
    ctx,
    `rubrics.readableInterviews:${viewer.id}`,
    () =>
      new DataLoader(async (applicationIds: readonly string[]) => {
        const byApp = await interviews.readableForApplications(applicationIds, viewer);
        return applicationIds.map((id) => byApp.get(id) ?? []);
      }),
  );
}

export interface ApplicationAssessments {
  results: AttemptResults[];
  problemTitles: ReadonlyMap<string, string>;
}

export function assessmentResultsLoader(ctx: GqlContext, interviews: InterviewsService): DataLoader<string, ApplicationAssessments> {
  return perRequest(
    ctx,
    'rubrics.assessmentResults',
    () =>
      new DataLoader(async (applicationIds: readonly string[]) => {
        const { results, problemTitles } = await interviews.assessmentResultsFor(applicationIds);
        return applicationIds.map((id) => ({ results: results.get(id) ?? [], problemTitles }));
      }),
  );
}
