import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppError, CLOCK, Clock } from '@app/common';
import { AssessmentEntity, AssessmentProblemRef, AttemptEntity, AttemptStatus, ProblemValidationStatus } from '@app/domain';
import { APPLICATIONS_PORT, ApplicationsPort } from './applications.port';
import { computeDeadline, INVITATION_VALID_DAYS } from './deadline';
import { ProblemsService } from './problems.service';

export interface AssessmentInput {
  jobId: string;
  title: string;
  instructions: string;
  durationMinutes: number;
  problems: AssessmentProblemRef[];
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    private readonly problems: ProblemsService,
    @Inject(APPLICATIONS_PORT) private readonly applications: ApplicationsPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: AssessmentInput, actorId: string): Promise<AssessmentEntity> {
    if (!(await this.applications.jobExists(input.jobId))) throw AppError.notFound('Job', input.jobId);
    await this.checkProblems(input.problems);
    return this.assessments.save(this.assessments.create({ ...input, createdById: actorId }));
  }

  /** Every problem exists, appears once, is VALID and is no practice problem; points are positive. */
  private async checkProblems(refs: AssessmentProblemRef[]): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    if (!refs.length) problems.push({ field: 'problems', message: 'must list at least one problem' });
    const ids = refs.map((r) => r.problemId);
    const found = new Map((await this.problems.getMany(ids)).map((p) => [p.id, p]));
    refs.forEach((r, i) => {
      const p = found.get(r.problemId);
      if (!p) problems.push({ field: `problems.${i}.problemId`, message: `problem ${r.problemId} does not exist` });
      else if (p.validationStatus !== ProblemValidationStatus.VALID) {
        problems.push({ field: `problems.${i}.problemId`, message: `problem "${p.slug}" is ${p.validationStatus}; only validated problems can be used` });
      } else if (p.practice) {
        // A warm-up is offered to every candidate before any assessment: it measures nothing.
        problems.push({ field: `problems.${i}.problemId`, message: `problem "${p.slug}" is a practice problem; it cannot be scored in an assessment` });
      }
      if (ids.indexOf(r.problemId) !== i) problems.push({ field: `problems.${i}.problemId`, message: 'appears twice' });
    });
    if (problems.length) throw AppError.badInput(problems);
  }

  async get(id: string): Promise<AssessmentEntity> {
    const a = await this.assessments.findOneBy({ id });
    if (!a) throw AppError.notFound('Assessment', id);
    return a;
  }

  list(jobId?: string): Promise<AssessmentEntity[]> {
    return this.assessments.find({ where: jobId ? { jobId } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Invites the candidate of an application: a single-use token (returned once, stored hashed)
   * and an attempt waiting to start. One invitation per application and assessment.
   */
  async invite(
    assessmentId: string,
    applicationId: string,
    extraTimePercent: number,
    actor: { id: string; role: string },
    /** Seeding only (a documented demo link); otherwise a random 192-bit token. */
    fixedToken?: string,
    /** Days the invitation stays open to start; null: it never expires (the seeded demo link). */
    expiresInDays: number | null = INVITATION_VALID_DAYS,
  ): Promise<{ attempt: AttemptEntity; token: string }> {
    const assessment = await this.get(assessmentId);
    const application = await this.applications.findApplication(applicationId);
    if (!application) throw AppError.notFound('Application', applicationId);
    if (application.jobId !== assessment.jobId) {
      throw AppError.precondition('This application is for another job than the assessment');
    }
    if (await this.attempts.existsBy({ assessmentId, applicationId })) {
      throw AppError.conflict('This candidate is already invited to this assessment');
    }
    const token = fixedToken ?? randomBytes(24).toString('base64url');
    const attempt = await this.attempts.save(
      this.attempts.create({
        assessmentId,
        applicationId,
        candidateId: application.candidateId,
        tokenHash: hashToken(token),
        status: AttemptStatus.INVITED,
        extraTimePercent,
        invitedById: actor.id,
        invitationExpiresAt: expiresInDays === null ? null : new Date(this.clock.now().getTime() + expiresInDays * 86_400_000),
        startedAt: null,
        deadline: null,
        finishedAt: null,
      }),
    );
    await this.applications.markInvited(applicationId, actor, `Invited to assessment "${assessment.title}"`);
    return { attempt, token };
  }

  /** Grants (or changes) the private extra-time accommodation; a started attempt's deadline moves with it. */
  async setAccommodation(attemptId: string, extraTimePercent: number): Promise<AttemptEntity> {
    const attempt = await this.attempts.findOneBy({ id: attemptId });
    if (!attempt) throw AppError.notFound('Attempt', attemptId);
    if (attempt.status === AttemptStatus.FINISHED) throw AppError.precondition('The attempt is finished');
    attempt.extraTimePercent = extraTimePercent;
    if (attempt.startedAt) {
      const assessment = await this.get(attempt.assessmentId);
      attempt.deadline = computeDeadline(attempt.startedAt, assessment.durationMinutes, extraTimePercent);
    }
    return this.attempts.save(attempt);
  }

  attemptsOf(assessmentId: string): Promise<AttemptEntity[]> {
    return this.attempts.find({ where: { assessmentId }, order: { createdAt: 'ASC' } });
  }

  now(): Date {
    return this.clock.now();
  }
}
