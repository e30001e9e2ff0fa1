import * as os from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { LOGGER } from '@app/core';
import { AssessmentEntity, JobEntity, ProblemEntity, ProblemValidationStatus, Role, SubmissionEntity, SubmissionKind, SubmissionState, UserEntity, Verdict } from '@app/domain';
import { JUDGE_ENGINE, JudgeEngine, JudgeSubmissionHandler, OnDemandSandboxEngine } from '@app/judging';
import { CALIBRATION_RUNS, engineFingerprint } from '@app/sandbox';
import { APPLICATIONS_PORT, ApplicationsPort } from '../applications.port';
import { AssessmentsService } from '../assessments.service';
import { ProblemsService } from '../problems.service';
import {
  CALIBRATION_FILE,
  CalibrateAnewReason,
  hasPerformanceTests,
  inputsHashOf,
  loadShippedCalibration,
  REASON_TEXT,
  ShippedCalibration,
  shippedCalibrationFor,
} from './bank-calibration';
import { BankEntry, loadBankDir } from './bank-files';

/** Fixed in development only, so the README can say how to open the demo invitation. */
export const DEMO_INVITATION_TOKEN = 'demo-invitation-backend-intern';
export const DEMO_ASSESSMENT_TITLE = 'Backend Engineer Intern: coding assessment';
// Original problems written for this job (two-sum and merge-intervals stay in the bank as practice).
const DEMO_PROBLEMS = ['reconcile-ledgers', 'dedupe-webhook-deliveries', 'aggregate-request-logs', 'endpoint-error-rates'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Ctx {
  config: AppConfig;
  logger: Logger;
  demo: boolean;
}

/**
 * Seeds the problem bank from its data files (creating or updating each by slug), validates
 * what is not VALID yet, and in development builds the demo assessment and invitation.
 *
 * Runs in the seed context (tools/seed.module.ts), which holds the assessments' services and
 * JudgeRunnerModule: validation here runs the same handler and engine the worker runs, in this
 * process, because the seed step runs before any worker exists and the demo assessment needs
 * VALID problems. Each validation is also queued, and the worker finds it already judged.
 *
 * Performance limits come from the calibration shipped with the bank (`shipped`, by default
 * libs/assessments/data/calibration.json) when it was measured on this engine for these very
 * tests and references: validation then judges every reference without timing them again.
 * Otherwise the problem is calibrated anew at validation, and the log says why.
 */
export async function seedProblemBank(
  app: INestApplicationContext,
  ctx: Ctx,
  entries: BankEntry[] = loadBankDir(),
  shipped: ShippedCalibration | null = readShipped(ctx.logger),
): Promise<void> {
  const ds = app.get(DataSource);
  const problems = app.get(ProblemsService);
  const engine = engineFingerprint();
  const touched: ProblemEntity[] = [];
  const fromFile: string[] = [];
  const anew = new Map<CalibrateAnewReason, string[]>();
  for (const e of entries) {
    const referenceSolutions = e.referenceSolutions;
    const input = { definition: e.definition, referenceSolutions, difficulty: e.difficulty, tags: e.tags, practice: e.practice };
    const slug = String(e.definition.slug);
    let p = await problems.findBySlug(slug);
    if (!p) p = await problems.create(input, null);
    else if (!same(p.definition, e.definition) || !same(p.referenceSolutions, referenceSolutions) || p.practice !== e.practice)
      p = await problems.update(p.id, input);
    // A version to validate, or a valid one whose limits were measured on another engine (the
    // worker would calibrate it again before judging it).
    const pending = p.validationStatus !== ProblemValidationStatus.VALID;
    if (hasPerformanceTests(e.definition) && (pending || p.calibration?.engine !== engine)) {
      const choice = shippedCalibrationFor(shipped, slug, inputsHashOf(e), engine);
      if ('calibration' in choice) {
        if (await problems.useCalibration(p.id, p.version, choice.calibration)) fromFile.push(slug);
      } else if (pending) anew.set(choice.reason, [...(anew.get(choice.reason) ?? []), slug]);
    }
    if (pending) touched.push(await problems.validate(p.id, null));
  }
  if (fromFile.length) ctx.logger.info({ problems: fromFile, file: CALIBRATION_FILE }, 'performance limits from the shipped calibration: no timing runs for these');
  for (const [reason, slugs] of anew) {
    const line = { problems: slugs, engine, ...(reason === 'other-engine' ? { shippedEngine: shipped?.engine } : {}) };
    const msg = `calibrating anew at validation (${CALIBRATION_RUNS} timed runs per reference language and performance test): ${REASON_TEXT[reason]}`;
    if (reason === 'other-engine') ctx.logger.info(line, msg);
    else ctx.logger.warn(line, msg);
  }
  if (touched.length) await validateInline(app, touched);
  const valid = await ds.getRepository(ProblemEntity).countBy({ validationStatus: ProblemValidationStatus.VALID });
  ctx.logger.info({ problems: entries.length, valid }, 'problem bank ready');
  if (ctx.demo) await seedDemoAssessment(app, ctx.logger);
}

/** The shipped calibration, or none (every problem calibrated anew) when the file is absent or unreadable. */
function readShipped(logger: Logger): ShippedCalibration | null {
  try {
    return loadShippedCalibration();
  } catch (e) {
    logger.warn({ error: (e as Error).message }, 'the shipped calibration cannot be read: every problem is calibrated anew');
    return null;
  }
}

async function validateInline(app: INestApplicationContext, problems: ProblemEntity[]): Promise<void> {
  const ds = app.get(DataSource);
  const logger = app.get<Logger>(LOGGER);
  const problemsService = app.get(ProblemsService);
  const handler = app.get(JudgeSubmissionHandler);
  // The sandboxes start before the references are judged in parallel (see OnDemandSandboxEngine).
  const engine = app.get<JudgeEngine>(JUDGE_ENGINE);
  if (engine instanceof OnDemandSandboxEngine) engine.start();
  const pendingOf = (ids: string[]) =>
    ds.getRepository(SubmissionEntity).find({
      where: { kind: SubmissionKind.VALIDATION, problemId: In(ids), state: In([SubmissionState.QUEUED, SubmissionState.RUNNING]) },
    });
  const ids = problems.map((p) => p.id);
  // Several at once, so the sandboxes and the type-check threads always have the next one ready;
  // not all of them (forty-odd): their first queries would queue on the database pool (10
  // connections) past its 5 s acquire timeout on a busy machine, and no sandbox judges faster.
  const config = app.get<AppConfig>(APP_CONFIG);
  const parallel = Math.max(8, 2 * (config.judge.sandboxes ?? os.availableParallelism()));
  const pending = (await pendingOf(ids)).map((s) => s.id);
  await Promise.all(
    Array.from({ length: Math.min(parallel, pending.length) }, async () => {
      for (let id = pending.shift(); id; id = pending.shift()) await handler.handle({ submissionId: id });
    }),
  );
  // Several references at once can push one past its time limit on a busy machine (a test run, a
  // small VM). Before a seeded problem is called invalid, its references are judged again once,
  // one at a time, when time or the sandbox is all that failed; a wrong answer is never retried.
  const loadSensitive = new Set<Verdict | null>([Verdict.TIME_LIMIT_EXCEEDED, Verdict.INTERNAL_ERROR]);
  for (const p of await ds.getRepository(ProblemEntity).findBy({ id: In(ids), validationStatus: ProblemValidationStatus.INVALID })) {
    const failed = (await problemsService.validationSubmissions(p)).filter((s) => s.verdict !== Verdict.ACCEPTED);
    if (!failed.length || !failed.every((s) => loadSensitive.has(s.verdict))) continue;
    logger.warn({ slug: p.slug, verdicts: failed.map((s) => s.verdict) }, 'a seeded problem failed on time: validating it again, alone');
    await problemsService.validate(p.id, null);
    for (const s of await pendingOf([p.id])) await handler.handle({ submissionId: s.id });
  }
  const after = await ds.getRepository(ProblemEntity).findBy({ id: In(ids) });
  for (const p of after.filter((x) => x.validationStatus === ProblemValidationStatus.INVALID)) {
    logger.error({ slug: p.slug, report: p.validationReport }, 'a seeded problem failed validation');
  }
}

async function seedDemoAssessment(app: INestApplicationContext, logger: Logger): Promise<void> {
  const ds = app.get(DataSource);
  const problems = app.get(ProblemsService);
  const recruiter = await ds.getRepository(UserEntity).findOneBy({ email: 'recruiter@example.com', role: Role.RECRUITER });
  const job = await ds.getRepository(JobEntity).findOne({ where: { createdById: recruiter?.id }, order: { createdAt: 'ASC' } });
  if (!recruiter || !job) return;
  if (await ds.getRepository(AssessmentEntity).existsBy({ jobId: job.id })) return;
  const refs = [];
  for (const slug of DEMO_PROBLEMS) {
    const p = await problems.findBySlug(slug);
    if (p?.validationStatus === ProblemValidationStatus.VALID) refs.push({ problemId: p.id, points: 100 });
  }
  if (!refs.length) return;
  const assessments = app.get(AssessmentsService);
  const assessment = await assessments.create(
    {
      jobId: job.id,
      title: DEMO_ASSESSMENT_TITLE,
      instructions:
        'Four problems, 60 minutes. Solve the first three in JavaScript, TypeScript or Python, and the last in SQL (SQLite). Run your code against the examples as often as you like; submit as often as you like: your best submission per problem counts. Hidden tests check edge cases and large inputs.',
      durationMinutes: 60,
      problems: refs,
    },
    recruiter.id,
  );
  const candidate = await ds.getRepository(UserEntity).findOneBy({ email: 'candidate@example.com' });
  const application = candidate ? await app.get<ApplicationsPort>(APPLICATIONS_PORT).findCandidateApplication(job.id, candidate.id) : null;
  if (application) {
    await assessments.invite(assessment.id, application.id, 0, { id: recruiter.id, role: Role.RECRUITER }, DEMO_INVITATION_TOKEN, null);
    logger.info({ link: `/invite/${DEMO_INVITATION_TOKEN}` }, 'demo assessment and invitation ready');
  }
}
