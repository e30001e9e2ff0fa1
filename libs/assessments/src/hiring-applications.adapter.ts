import { Injectable } from '@nestjs/common';
import { ApplicationRef, ApplicationsPort } from './applications.port';
import { ApplicationStage } from '@app/domain';
import { ApplicationsService, JobsService } from '@app/hiring';

/** Binds the assessments' view of applications to the hiring flow (the API's binding, and the seed's). */
@Injectable()
export class HiringApplicationsAdapter implements ApplicationsPort {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly jobs: JobsService,
  ) {}

  async findApplication(id: string): Promise<ApplicationRef | null> {
    const a = await this.applications.findById(id);
    return a ? { id: a.id, jobId: a.jobId, candidateId: a.candidateId } : null;
  }

  async jobExists(jobId: string): Promise<boolean> {
    return (await this.jobs.findById(jobId)) !== null;
  }

  async markInvited(applicationId: string, actor: { id: string; role: string }, reason: string): Promise<void> {
    // A second invitation (another assessment) leaves the stage where it is.
    await this.applications.tryMoveStage(applicationId, ApplicationStage.ASSESSMENT, actor, reason);
  }
}
