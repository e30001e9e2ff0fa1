import { APPLY_ANSWERS } from './answers';
import { gql, GqlResponse, ok } from './graphql-client';
import { ADMIN, Platform } from './platform';

/** GraphQL against a running platform: `call` answers as it comes, `must` throws on any error. */
export interface PlatformClient {
  call<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  must<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Logs in with a password; returns the bearer token. */
  loginAs(email: string, password: string): Promise<string>;
}

export function platformClient(p: Pick<Platform, 'url'>): PlatformClient {
  const call = <T = any>(q: string, v: Record<string, unknown> = {}, token?: string) => gql<T>(p.url, q, v, token);
  const must = async <T = any>(q: string, v: Record<string, unknown> = {}, token?: string) => ok(await call<T>(q, v, token));
  return {
    call,
    must,
    loginAs: async (email, password) =>
      (
        await must<{ login: { accessToken: string } }>(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, {
          i: { email, password },
        })
      ).login.accessToken,
  };
}

/** A bank problem as platform-init left it: VALID, with the report of its references. */
export interface ValidProblem {
  id: string;
  slug: string;
  validationReport: { solutions: { language: string; verdict: string }[] };
}

export interface PlatformAssessment {
  /** The recruiter's token (an account the bootstrap admin created). */
  recruiter: string;
  jobId: string;
  assessmentId: string;
  /** Every VALID problem of the seeded bank, by slug. */
  problems: Record<string, ValidProblem>;
}

/**
 * On a fresh platform (the bank seeded and validated by platform-init): the bootstrap admin
 * creates a recruiter, who publishes a job from the backend intern template and builds an
 * assessment of the given bank problems (slug and points, in order).
 */
export async function platformAssessment(
  api: PlatformClient,
  spec: { title: string; instructions: string; problems: { slug: string; points: number }[]; durationMinutes?: number },
): Promise<PlatformAssessment> {
  const admin = await api.loginAs(ADMIN.email, ADMIN.password);
  const password = 'recruiter-pass-1';
  await api.must(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email: 'rec@example.com', name: 'Rec', password, role: 'RECRUITER' } },
    admin,
  );
  const recruiter = await api.loginAs('rec@example.com', password);
  const job = (
    await api.must(
      `mutation($i: CreateJobInput!) { createJob(input: $i) { id } }`,
      { i: { templateKey: 'backend-engineer-intern' } },
      recruiter,
    )
  ).createJob as { id: string };
  await api.must(`mutation($id: ID!) { publishJob(id: $id) { status } }`, { id: job.id }, recruiter);
  const valid = (await api.must(`{ problems(status: VALID, limit: 50) { items { id slug validationReport } } }`, {}, recruiter)).problems
    .items as ValidProblem[];
  const problems = Object.fromEntries(valid.map((x) => [x.slug, x]));
  const missing = spec.problems.filter((x) => !problems[x.slug]).map((x) => x.slug);
  if (missing.length) throw new Error(`Not VALID after platform-init: ${missing.join(', ')}`);
  const assessment = (
    await api.must(
      `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`,
      {
        i: {
          jobId: job.id,
          title: spec.title,
          instructions: spec.instructions,
          durationMinutes: spec.durationMinutes ?? 30,
          problems: spec.problems.map((x) => ({ problemId: problems[x.slug].id, points: x.points })),
        },
      },
      recruiter,
    )
  ).createAssessment as { id: string };
  return { recruiter, jobId: job.id, assessmentId: assessment.id, problems };
}

export interface PlatformCandidate {
  token: string;
  applicationId: string;
  attemptId: string;
}

/**
 * A candidate `name` (`name@example.com`) signs up, applies to the job with the standard answers
 * and a Python skill, is invited by the recruiter and starts the attempt.
 */
export async function platformCandidate(
  api: PlatformClient,
  a: PlatformAssessment,
  name: string,
  resume: string,
): Promise<PlatformCandidate> {
  const email = `${name.toLowerCase()}@example.com`;
  const password = 'candidate-pass-1';
  await api.must(`mutation($i: RegisterInput!) { register(input: $i) { email } }`, { i: { email, name, password } });
  const token = await api.loginAs(email, password);
  const app = (
    await api.must(
      `mutation($i: ApplyToJobInput!) { applyToJob(input: $i) { id } }`,
      {
        i: {
          jobId: a.jobId,
          profile: {
            name,
            email,
            education: { degree: 'BS', field: 'Computer Science', status: 'ENROLLED' },
            links: [],
            skills: [{ name: 'Python', level: 4 }],
          },
          answers: APPLY_ANSWERS,
          resume,
        },
      },
      token,
    )
  ).applyToJob as { id: string };
  const inv = (
    await api.must(
      `mutation($i: InviteInput!) { inviteToAssessment(input: $i) { token } }`,
      { i: { assessmentId: a.assessmentId, applicationId: app.id } },
      a.recruiter,
    )
  ).inviteToAssessment as { token: string };
  const attempt = (await api.must(`mutation($t: String!) { startAssessment(token: $t) { id } }`, { t: inv.token }, token))
    .startAssessment as { id: string };
  return { token, applicationId: app.id, attemptId: attempt.id };
}
