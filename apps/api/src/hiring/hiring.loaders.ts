import DataLoader from 'dataloader';
import { UsersService } from '@app/auth';
import { ApplicationEntity, JobEntity, UserEntity } from '@app/domain';
import { ApplicationsService, JobsService } from '@app/hiring';
import type { GqlContext } from '../graphql/context';

function perRequest<K, V>(ctx: GqlContext, name: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
  let l = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!l) {
    l = make();
    ctx.loaders.set(name, l);
  }
  return l;
}

/** One query per list for the nested fields of jobs and applications, whatever the page size. */
export function jobLoader(ctx: GqlContext, jobs: JobsService): DataLoader<string, JobEntity | null> {
  return perRequest(ctx, 'hiring.jobById', () => new DataLoader(async (ids: readonly string[]) => {
    const byId = new Map((await jobs.findByIds(ids)).map((j) => [j.id, j]));
    return ids.map((id) => byId.get(id) ?? null);
  }));
}

export function userLoader(ctx: GqlContext, users: UsersService): DataLoader<string, UserEntity | null> {
  return perRequest(ctx, 'hiring.userById', () => new DataLoader(async (ids: readonly string[]) => {
    const byId = new Map((await users.findByIds(ids)).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }));
}

export function applicationCountLoader(ctx: GqlContext, applications: ApplicationsService): DataLoader<string, number> {
  return perRequest(ctx, 'hiring.applicationCountByJob', () => new DataLoader(async (ids: readonly string[]) => {
    const counts = await applications.countByJobIds(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  }));
}

export function applicationLoader(ctx: GqlContext, applications: ApplicationsService): DataLoader<string, ApplicationEntity | null> {
  return perRequest(ctx, 'hiring.applicationById', () => new DataLoader(async (ids: readonly string[]) => {
    const byId = new Map((await applications.findByIds(ids)).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }));
}
