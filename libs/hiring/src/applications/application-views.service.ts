import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { ActorRole, ApplicationEntity, JobEntity, Role } from '@app/domain';
import type { HiringActor } from '../hiring-actor';
import { JobsService } from '../jobs/jobs.service';
import { aliasKey, applicationView, ApplicationView, candidateAlias, identityHidden } from './anonymized-review';
import { ApplicationEventView, ApplicationsService } from './applications.service';

/**
 * Applications and their history as one viewer may read them (see applicationView). Callers
 * check access first; this only shapes what an allowed viewer reads.
 */
@Injectable()
export class ApplicationViews {
  private readonly key: Buffer;

  constructor(
    private readonly applications: ApplicationsService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = aliasKey(config.jwt.secret);
  }

  /** Only interviewers can have anything hidden; for anyone else no job is read. */
  private async jobsFor(apps: readonly Pick<ApplicationEntity, 'jobId'>[], viewer: HiringActor | undefined): Promise<Map<string, JobEntity>> {
    if (viewer?.role !== Role.INTERVIEWER || !apps.length) return new Map();
    return new Map((await this.jobs.findByIds([...new Set(apps.map((a) => a.jobId))])).map((j) => [j.id, j]));
  }

  async views(apps: readonly ApplicationEntity[], viewer: HiringActor | undefined): Promise<ApplicationView[]> {
    const jobs = await this.jobsFor(apps, viewer);
    return apps.map((a) => {
      // A job that vanished hides as much as an anonymized one would.
      const job = jobs.get(a.jobId) ?? { id: a.jobId, anonymizedReview: viewer?.role === Role.INTERVIEWER };
      return applicationView(a, job, viewer, this.key);
    });
  }

  async view(a: ApplicationEntity, viewer: HiringActor | undefined): Promise<ApplicationView> {
    return (await this.views([a], viewer))[0];
  }

  /** The history of an application the viewer may read; the candidate's own moves carry their alias when anonymized. */
  async history(a: ApplicationEntity, viewer: HiringActor): Promise<ApplicationEventView[]> {
    const events = await this.applications.historyOf(a, viewer);
    const job = (await this.jobsFor([a], viewer)).get(a.jobId) ?? { id: a.jobId, anonymizedReview: (viewer.role as Role) === Role.INTERVIEWER };
    if (!identityHidden(job, a, viewer)) return events;
    return events.map((e) => (e.actorRole === ActorRole.CANDIDATE && e.actorId ? { ...e, actorId: candidateAlias(this.key, a.jobId, e.actorId) } : e));
  }
}
