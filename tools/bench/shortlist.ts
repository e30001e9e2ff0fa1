/**
 * `npm run bench:shortlist`: seeds one job with 10,000 applications into PostgreSQL (screening,
 * an assessment attempt with judged submissions, two submitted scorecards each), then measures
 * the `shortlist` GraphQL query (first page of 50) over HTTP against a baseline measured in the
 * same run: a plain SELECT of the same page of applications.
 *   warm, seeding in window: repeated requests right after the first read, while the change read
 *     still returns the seeded rows (written less than CHANGE_WINDOW_SECONDS ago, all seen);
 *   warm: repeated requests once nothing changed for a whole window (one change read, nothing
 *     recomputed);
 *   after a new verdict: a submission judged just before each request (its application's
 *     inputs re-read and its composite recomputed, then re-sorted);
 *   after a submitted scorecard: a new scorecard just before each request (its application
 *     re-read; calibration of its interview kind re-computed; every application rated by an
 *     interviewer whose offset moved recomputed; re-sorted);
 *   first read: the full computation (once, after seeding).
 * Also prints SQL statements per request (warm, after a change). Targets (issue 14): after a
 * change p50 < 150 ms, warm p50 < 30 ms.
 * Options: --apps N (default 10000), --requests N (default 100). The database is created and
 * dropped by the bench: `${TEST_DB_PREFIX:-hp_bench}_sl_<pid>` on BENCH_DATABASE_URL's server.
 */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { hashPassword } from '@app/auth';
import { createLogger } from '@app/common';
import { loadConfig } from '@app/config';
import {
  ApplicationEntity,
  ApplicationStage,
  AssessmentEntity,
  AttemptEntity,
  AttemptStatus,
  EducationStatus,
  InterviewEntity,
  InterviewKind,
  InterviewStatus,
  Language,
  ProblemEntity,
  ProblemValidationStatus,
  Recommendation,
  RubricVersionEntity,
  Role,
  ScorecardEntity,
  ScorecardStatus,
  ScreeningOutcome,
  SubmissionEntity,
  SubmissionKind,
  SubmissionState,
  UserEntity,
  Verdict,
} from '@app/domain';
import { JobsService, seedHiring } from '@app/hiring';
import { SimilarityService } from '@app/integrity';
import { CHANGE_WINDOW_SECONDS, ShortlistService } from '@app/shortlist';
import { runMigrations } from '@app/migrations';
import { seedRubrics } from '@app/rubrics';
import { createApi } from '../../apps/api/src/bootstrap';
import { fmt, median, summarize } from './stats';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const APPS = opt('--apps', 10_000);
const REQUESTS = opt('--requests', 100);
const pgAdmin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// A small deterministic PRNG: the same data every run.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function insertChunks<T extends object>(ds: DataSource, entity: new () => T, rows: Partial<T>[], size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await ds.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + size) as never).execute();
}

async function main(): Promise<void> {
  const dbName = `${(process.env.TEST_DB_PREFIX ?? 'hp_bench').replace(/[^a-z0-9_]/gi, '')}_sl_${process.pid}`;
  const admin = new Client({ connectionString: pgAdmin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(pgAdmin);
  url.pathname = `/${dbName}`;
  const db = { type: 'postgres' as const, url: url.toString(), logging: false };
  const config = { ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'silent', REDIS_PREFIX: `hp-bench-sl-${process.pid}`, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }), database: db };
  const logger = createLogger('silent', 'bench');
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  try {
    await runMigrations(db);
    app = await createApi(config, logger);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const ds = app.get(DataSource);
    const t0 = Date.now();

    // People.
    const hash = await hashPassword('bench-password-1');
    const recruiter = { id: randomUUID(), email: 'rec@bench.test', name: 'Rec', role: Role.RECRUITER, passwordHash: hash, active: true };
    const interviewers = [0, 1, 2].map((i) => ({ id: randomUUID(), email: `iv${i}@bench.test`, name: `Iv ${i}`, role: Role.INTERVIEWER, passwordHash: hash, active: true }));
    const candidates = Array.from({ length: APPS }, (_, i) => ({ id: randomUUID(), email: `c${i}@bench.test`, name: `Candidate ${i}`, role: Role.CANDIDATE, passwordHash: hash, active: true }));
    await insertChunks(ds, UserEntity, [recruiter, ...interviewers, ...candidates]);

    // A job from the template, an assessment of two problems, the default rubric.
    await seedHiring(app, { logger, demo: false });
    await seedRubrics(app, { logger });
    const jobs = app.get(JobsService);
    const job = await jobs.create({ templateKey: 'backend-engineer-intern', changes: {} }, { id: recruiter.id, role: Role.RECRUITER });
    await jobs.publish(job.id, { id: recruiter.id, role: Role.RECRUITER });
    const problems = ['p-one', 'p-two'].map((slug) => ({ id: randomUUID(), slug, title: slug, definition: {}, referenceSolutions: [], validationStatus: ProblemValidationStatus.VALID, validationReport: null, difficulty: 'Easy', tags: [], createdById: null, version: 1 }));
    await insertChunks(ds, ProblemEntity, problems);
    const assessment = { id: randomUUID(), jobId: job.id, title: 'Bench', instructions: '', durationMinutes: 60, problems: problems.map((p) => ({ problemId: p.id, points: 50 })), createdById: recruiter.id };
    await insertChunks(ds, AssessmentEntity, [assessment]);
    const rubric = await ds.getRepository(RubricVersionEntity).findOneOrFail({ where: {}, order: { version: 'ASC' } });
    const coding = (rubric.criteria as { key: string; kind: InterviewKind }[]).filter((c) => c.kind === InterviewKind.CODING_FUNDAMENTALS).map((c) => c.key);
    /** A completed coding interview of `applicationId` by `interviewerId` and its submitted scorecard, at `at`. */
    const codingInterview = (
      applicationId: string,
      interviewerId: string,
      at: Date,
      card: Pick<ScorecardEntity, 'ratings' | 'redFlags' | 'recommendation'>,
    ): [Partial<InterviewEntity>, Partial<ScorecardEntity>] => {
      const id = randomUUID();
      const common = { applicationId, jobId: job.id, interviewerId, rubricId: rubric.rubricId, rubricVersion: rubric.version, kind: InterviewKind.CODING_FUNDAMENTALS };
      return [
        { id, ...common, scheduledAt: at, status: InterviewStatus.COMPLETED, scheduledById: recruiter.id, cancelReason: null },
        { id: randomUUID(), interviewId: id, ...common, status: ScorecardStatus.SUBMITTED, version: 1, ...card, notes: '', submittedAt: at, amendedAt: null },
      ];
    };

    // Applications with screening, attempts with judged submissions, two scorecards each.
    const now = Date.now();
    const apps = candidates.map((c, i) => ({
      id: randomUUID(),
      jobId: job.id,
      candidateId: c.id,
      profile: { name: c.name, email: c.email, education: { degree: 'BS', field: 'Computer Science', status: EducationStatus.ENROLLED, institution: null }, links: [], skills: [] },
      answers: [],
      resume: 'bench',
      stage: ApplicationStage.INTERVIEW,
      outcome: ScreeningOutcome.PASSED,
      autoOutcome: ScreeningOutcome.PASSED,
      screeningReasons: [],
      screeningScore: 0.8,
      skillsMatch: { score: 0, matched: [], missing: [] },
      skillsScore: Math.round(rnd() * 1000) / 1000,
      overrideOutcome: null,
      overrideReason: null,
      overriddenById: null,
      overriddenAt: null,
      createdAt: new Date(now - (APPS - i) * 60_000),
    }));
    await insertChunks(ds, ApplicationEntity, apps);
    const attempts = apps.map((a) => ({ id: randomUUID(), assessmentId: assessment.id, applicationId: a.id, candidateId: a.candidateId, tokenHash: randomUUID().replace(/-/g, ''), status: AttemptStatus.FINISHED, extraTimePercent: 0, invitedById: recruiter.id, startedAt: new Date(now - 3_600_000), deadline: new Date(now), finishedAt: new Date(now) }));
    await insertChunks(ds, AttemptEntity, attempts);
    const submissions = attempts.flatMap((t) =>
      problems.map((p) => {
        const score = Math.round(rnd() * 4) / 4;
        return { id: randomUUID(), kind: SubmissionKind.SUBMISSION, problemId: p.id, problemVersion: 1, userId: t.candidateId, attemptId: t.id, language: Language.JAVASCRIPT, source: 'x', customInput: null, state: SubmissionState.FINISHED, verdict: score === 1 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER, score, passed: 0, total: 0, compileError: null, warnings: [], results: [], judgeAttempts: 1, enqueuedAt: new Date(now), startedAt: new Date(now), finishedAt: new Date(now) };
      }),
    );
    await insertChunks(ds, SubmissionEntity, submissions);
    const interviews: Partial<InterviewEntity>[] = [];
    const scorecards: Partial<ScorecardEntity>[] = [];
    apps.forEach((a, i) => {
      for (const k of [0, 1]) {
        const lean = (i + k) % 3; // interviewer 0 harsh, 2 lenient
        const [interview, card] = codingInterview(a.id, interviewers[(i + k) % 3].id, new Date(now), {
          ratings: coding.map((criterionKey) => ({ criterionKey, rating: Math.min(4, Math.max(1, Math.round(1 + rnd() * 2.5 + lean * 0.3))), evidence: 'bench' })),
          redFlags: rnd() < 0.05 ? [{ key: 'poor-communication', evidence: 'bench' }] : [],
          recommendation: rnd() < 0.5 ? Recommendation.YES : Recommendation.NO,
        });
        interviews.push(interview);
        scorecards.push(card);
      }
    });
    await insertChunks(ds, InterviewEntity, interviews);
    await insertChunks(ds, ScorecardEntity, scorecards);
    await ds.query('ANALYZE');
    const seededAt = Date.now();
    console.log(`seeded ${APPS} applications, ${submissions.length} submissions, ${scorecards.length} scorecards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const login = await (
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(input: {email: "rec@bench.test", password: "bench-password-1"}) { accessToken } }' }) })
    ).json();
    const token = (login as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const shortlist = async (first: number): Promise<void> => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query($job: ID!, $first: Int) { shortlist(jobId: $job, first: $first) { totalCount entries { rank applicationId score confidence explanation components { name value } } } }`, variables: { job: job.id, first } }),
      });
      const body = (await res.json()) as { errors?: unknown; data?: { shortlist: { totalCount: number } } };
      if (body.errors || body.data?.shortlist.totalCount !== APPS) throw new Error(`shortlist failed: ${JSON.stringify(body.errors ?? body.data)}`);
    };
    const baseline = () => ds.query(`SELECT id, "candidateId", stage, "skillsScore", profile, "createdAt" FROM applications WHERE "jobId" = $1 ORDER BY "createdAt", id LIMIT 50`, [job.id]);
    // Server-side breakdown of each shortlist request (same process): time inside the service's
    // phases and inside SQL, timed by wrapping the methods; the rest is HTTP, auth and GraphQL.
    const phases = new Map<string, number>();
    const timed = <T extends object>(target: T, method: string, phase: string) => {
      const obj = target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const orig = obj[method];
      obj[method] = async function (this: unknown, ...args: unknown[]) {
        const t = performance.now();
        try {
          return await orig.apply(this, args);
        } finally {
          phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - t);
        }
      };
    };
    const service = app.get(ShortlistService);
    timed(service, 'page', 'service page (all below)');
    timed(service, 'job', '  job lookup (SQL)');
    timed(service, 'refresh', '  refresh: change read + recompute + re-sort');
    timed(service, 'withOutcomes', '  page outcomes');
    timed(app.get(SimilarityService), 'markersForJob', 'resolver: similarity markers (SQL)');
    timed(PostgresQueryRunner.prototype, 'query', 'SQL statements, round trips included (inside the above)');
    const breakdowns = new Map<string, Map<string, number[]>>();
    const time = async (n: number, fn: () => Promise<unknown>, before?: () => Promise<unknown>, label?: string) => {
      const xs: number[] = [];
      const parts = new Map<string, number[]>();
      for (let i = 0; i < n; i++) {
        if (before) await before();
        phases.clear();
        const t = performance.now();
        await fn();
        const total = performance.now() - t;
        xs.push(total);
        const inside = (phases.get('service page (all below)') ?? 0) + (phases.get('resolver: similarity markers (SQL)') ?? 0);
        for (const [k, v] of [...phases, ['HTTP, auth, GraphQL, resolver rest', total - inside] as const]) parts.set(k, [...(parts.get(k) ?? []), v]);
      }
      if (label) breakdowns.set(label, parts);
      return summarize(xs);
    };
    // A submission judged now (as the worker's conditional UPDATE writes it).
    const newVerdict = () => {
      const sub = submissions[Math.floor(rnd() * submissions.length)];
      return ds.query(`UPDATE submissions SET score = $2, verdict = $3, "finishedAt" = now() WHERE id = $1`, [sub.id, 1, Verdict.ACCEPTED]);
    };
    // A scorecard submitted now, for a random application, by one of the interviewers.
    const newScorecard = async () => {
      const a = apps[Math.floor(rnd() * apps.length)];
      const iv = interviewers[Math.floor(rnd() * 3)];
      const [interview, card] = codingInterview(a.id, iv.id, new Date(), {
        ratings: coding.map((criterionKey) => ({ criterionKey, rating: 1 + Math.floor(rnd() * 4), evidence: 'bench' })),
        redFlags: [],
        recommendation: Recommendation.YES,
      });
      await insertChunks(ds, InterviewEntity, [interview]);
      await insertChunks(ds, ScorecardEntity, [card]);
    };
    const statementsOf = async (before?: () => Promise<unknown>) => {
      if (before) await before();
      let n = 0;
      const logger0 = ds.logger;
      (ds as unknown as { logger: unknown }).logger = { ...logger0, logQuery: () => void n++ };
      try {
        await shortlist(50);
      } finally {
        (ds as unknown as { logger: unknown }).logger = logger0;
      }
      return n;
    };

    const t1 = performance.now();
    await shortlist(50); // the first read: the full computation
    const first = performance.now() - t1;
    await shortlist(50);
    const base50 = await time(REQUESTS, baseline);
    // Within the change window of the seeding: each read re-reads the rows written in the last
    // CHANGE_WINDOW_SECONDS (tens of thousands here) and finds them all seen already.
    const windowStart = (Date.now() - seededAt) / 1000;
    const warmWindow = await time(REQUESTS, () => shortlist(50), undefined, 'warm, seeding in window');
    const windowEnd = (Date.now() - seededAt) / 1000;
    // Then nothing changed for a whole window: what a read costs when no write happened recently.
    await new Promise((r) => setTimeout(r, Math.max(0, seededAt + (CHANGE_WINDOW_SECONDS + 1) * 1000 - Date.now())));
    await shortlist(50); // its window still began before the seeding's end
    const warm = await time(REQUESTS, () => shortlist(50), undefined, 'warm');
    const changes = Math.min(REQUESTS, 50);
    const verdict = await time(changes, () => shortlist(50), newVerdict, 'verdict');
    const scorecard = await time(changes, () => shortlist(50), newScorecard, 'scorecard');
    const statements = { warm: await statementsOf(), verdict: await statementsOf(newVerdict), scorecard: await statementsOf(newScorecard) };

    console.log('');
    console.log(['measure (first page of 50)'.padEnd(44), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'vs baseline'.padStart(12), '  target'].join(' '));
    const rows: Array<[string, { p50: number; p99: number }, number | null]> = [
      ['baseline: plain SELECT of the same page', base50, null],
      ['shortlist, warm, seeding in the change window', warmWindow, null],
      ['shortlist, warm (nothing changed)', warm, 30],
      ['shortlist, after a new verdict', verdict, 150],
      ['shortlist, after a submitted scorecard', scorecard, 150],
    ];
    for (const [name, st, target] of rows) {
      const goal = target === null ? '' : `  p50 < ${target} ms: ${st.p50 < target ? 'met' : 'NOT met'}`;
      console.log([name.padEnd(44), fmt(st.p50, 2).padStart(9), fmt(st.p99, 2).padStart(9), `${fmt(st.p50 / base50.p50, 1)}x`.padStart(12), goal].join(' '));
    }
    console.log(`first read (full computation of the ranking): ${fmt(first, 0)} ms`);
    console.log(`"seeding in the change window": ${fmt(windowStart, 1)}-${fmt(windowEnd, 1)} s after the seeding ended (window ${CHANGE_WINDOW_SECONDS} s)`);
    console.log('');
    console.log(`server-side breakdown, median ms per request: ${[...breakdowns.keys()].join(' | ')}`);
    const labels = [...new Set([...breakdowns.values()].flatMap((m) => [...m.keys()]))];
    for (const l of labels) console.log(`  ${l.padEnd(48)} ${[...breakdowns.values()].map((m) => fmt(median(m.get(l) ?? [0]), 2).padStart(9)).join(' ')}`);
    console.log(`SQL statements per shortlist request: warm ${statements.warm}, after a verdict ${statements.verdict}, after a scorecard ${statements.scorecard} (baseline: 1)`);
    console.log(`(${REQUESTS} baseline and warm requests, ${changes} after each kind of change; ${APPS} applications; over HTTP to an in-process API)`);
  } finally {
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:shortlist failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
