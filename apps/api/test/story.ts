import { loadBankDir, ProblemsService, seedProblemBank } from '@app/assessments';
import { createLogger } from '@app/common';
import { ProblemValidationStatus, Role } from '@app/domain';
import { seedHiring } from '@app/hiring';
import { APPLY_ANSWERS, ok } from '@app/testing';
import type { ApiHarness, TestUser } from './api-harness';
import { inSeedContext } from './seed-context';

export interface AssessmentStory {
  recruiter: TestUser;
  interviewer: TestUser;
  jobId: string;
  assessmentId: string;
  problems: Record<string, string>;
  candidates: Array<{ user: TestUser; applicationId: string; attemptId: string; token: string }>;
}


let seeded = new WeakSet<object>();

/**
 * The bank problems the API specs use: the story's two, the practice warm-ups and one SQL
 * problem. Not the whole bank: validating a problem calibrates its performance tests (several
 * runs of every reference), which for all of them outlasts a spec's setup on a busy machine.
 * The whole bank is validated by the bank's own spec and `npm run bank:report`.
 */
export const STORY_BANK = ['reconcile-ledgers', 'aggregate-request-logs', 'two-sum', 'merge-intervals', 'endpoint-error-rates'];

/** Seeds templates and the validated problems of STORY_BANK into the harness's database (once per harness). */
export async function seedBank(api: ApiHarness): Promise<void> {
  if (seeded.has(api)) return;
  const ctx = { config: api.config, logger: createLogger('silent', 'seed'), demo: false };
  await inSeedContext(api, async (app) => {
    await seedHiring(app, ctx);
    await seedProblemBank(app, ctx, loadBankDir().filter((e) => STORY_BANK.includes(String(e.definition.slug))));
    // A problem that failed validation is left out of every listing the specs read, so they would
    // fail later on its absence; say here which one and why (the report's problems and figures).
    const problems = app.get(ProblemsService);
    for (const slug of STORY_BANK) {
      const p = await problems.findBySlug(slug);
      if (p?.validationStatus !== ProblemValidationStatus.VALID)
        throw new Error(`seedBank: ${slug} is ${p?.validationStatus ?? 'missing'} after validation: ${JSON.stringify(p?.validationReport ?? null)}`);
    }
  });
  seeded.add(api);
}

export function resetSeeded(): void {
  seeded = new WeakSet();
}

/**
 * A published job from the template, an assessment of two seeded problems (reconcile-ledgers, then
 * aggregate-request-logs, worth `points` each), and `n` candidates who applied, were invited
 * (the first with `extraTimePercent`) and started their attempt (unless `start` is false).
 */
export async function assessmentStory(
  api: ApiHarness,
  n = 2,
  extraTimePercent = 25,
  points: [number, number] = [50, 50],
  start = true,
): Promise<AssessmentStory> {
  await seedBank(api);
  const recruiter = await api.user(Role.RECRUITER);
  const interviewer = await api.user(Role.INTERVIEWER);
  const job = ok(await api.gql(`mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`, { i: { templateKey: 'backend-engineer-intern' } }, recruiter.token)).createJob;
  ok(await api.gql(`mutation($id: ID!) { publishJob(id: $id) { id } }`, { id: job.id }, recruiter.token));
  const bank = ok(await api.gql(`{ problems(status: VALID, limit: 50) { items { id slug } } }`, {}, recruiter.token)).problems.items as { id: string; slug: string }[];
  const problems = Object.fromEntries(bank.map((p) => [p.slug, p.id]));
  const assessment = ok(
    await api.gql(
      `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`,
      {
        i: {
          jobId: job.id,
          title: 'Story test',
          instructions: 'Solve both.',
          durationMinutes: 30,
          problems: [
            { problemId: problems['reconcile-ledgers'], points: points[0] },
            { problemId: problems['aggregate-request-logs'], points: points[1] },
          ],
        },
      },
      recruiter.token,
    ),
  ).createAssessment;
  const candidates = [];
  for (let i = 0; i < n; i++) {
    const user = await api.user(Role.CANDIDATE);
    const app = ok(
      await api.gql(
        `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
        {
          i: {
            jobId: job.id,
            profile: { name: `Candidate ${i}`, email: user.email, education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' }, links: [], skills: [{ name: 'Node.js', level: 4 }] },
            answers: APPLY_ANSWERS,
            resume: 'Student building REST APIs in Node.js with PostgreSQL.',
          },
        },
        user.token,
      ),
    ).applyToJob;
    const inv = ok(
      await api.gql(
        `mutation($i: InviteInput!) { inviteToAssessment(input: $i) { token attempt { id } } }`,
        { i: { assessmentId: assessment.id, applicationId: app.id, extraTimePercent: i === 0 ? extraTimePercent : 0 } },
        recruiter.token,
      ),
    ).inviteToAssessment;
    if (start) ok(await api.gql(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: inv.token }, user.token));
    candidates.push({ user, applicationId: app.id, attemptId: inv.attempt.id, token: inv.token });
  }
  return { recruiter, interviewer, jobId: job.id, assessmentId: assessment.id, problems, candidates };
}
