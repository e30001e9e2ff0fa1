import { Injectable } from '@nestjs/common';
import { ApplicationRef, ApplicationsPort } from '@app/assessments';
import { ApplicationStage } from '@app/domain';
import { ApplicationsService, JobsService } from '@app/hiring';

/**
 * Binds the assessments' view of applications to the hiring flow. The binding is the app's
 * (the API's, and the seed step's in tools/seed.module.ts), so @app/assessments never imports
 * @app/hiring.
 */
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

  async findCandidateApplication(jobId: string, candidateId: string): Promise<ApplicationRef | null> {
    // One application per candidate and job; a candidate has few applications.
    const a = (await this.applications.listMine(candidateId, { limit: 100, offset: 0 })).items.find((x) => x.jobId === jobId);
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
