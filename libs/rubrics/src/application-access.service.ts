import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '@app/common';
import { ApplicationEntity, InterviewEntity, Role } from '@app/domain';
import { ApplicationEventView, ApplicationFilter, ApplicationsService, ApplicationView, ApplicationViews, HiringActor, Page } from '@app/hiring';
import { graderScope } from './access';

/**
 * Who reads which application, and in which shape. Recruiters and admins read every
 * application and a candidate their own (@app/hiring decides those); an interviewer only the
 * applications they interview (any interview of theirs, whatever its status), because an
 * interviewer who could list every application could join an anonymized one to the same
 * person's named application of another job. Anything else is NOT_FOUND, like the rest of the API.
 */
@Injectable()
export class ApplicationAccessService {
  constructor(
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
    private readonly applications: ApplicationsService,
    private readonly views: ApplicationViews,
  ) {}

  /** The applications an interviewer may read; null when the viewer's role is not scoped this way. */
  async scope(viewer: HiringActor): Promise<Set<string> | null> {
    if ((viewer.role as Role) !== Role.INTERVIEWER) return null;
    const rows = await this.interviews.find({ select: { applicationId: true }, where: { interviewerId: viewer.id ?? '' } });
    return graderScope(rows);
  }

  /** The application, access checked: for callers that go on to read more of it. */
  async entity(id: string, viewer: HiringActor): Promise<ApplicationEntity> {
    const scope = await this.scope(viewer);
    if (!scope) return this.applications.getReadable(id, viewer);
    const a = scope.has(id) ? await this.applications.findById(id) : null;
    if (!a) throw AppError.notFound('Application', id);
    return a;
  }

  async get(id: string, viewer: HiringActor): Promise<ApplicationView> {
    return this.views.view(await this.entity(id, viewer), viewer);
  }

  /** Staff only (the resolver guards it); an interviewer's list holds the applications they interview. */
  async list(filter: ApplicationFilter, viewer: HiringActor): Promise<Page<ApplicationView>> {
    const scope = await this.scope(viewer);
    const { items, total } = await this.applications.list(scope ? { ...filter, applicationIds: [...scope] } : filter);
    return { items: await this.views.views(items, viewer), total };
  }

  async history(applicationId: string, viewer: HiringActor): Promise<ApplicationEventView[]> {
    return this.views.history(await this.entity(applicationId, viewer), viewer);
  }
}
