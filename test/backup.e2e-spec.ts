import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createLogger, systemClock } from '@app/common';
import { createRedis } from '@app/core';
import { Language, ProblemEntity, SubmissionEntity, SubmissionKind, SubmissionState } from '@app/domain';
import { SubmissionsService } from '@app/judging';
import { dataSourceOptions, runMigrations } from '@app/migrations';
import { JudgeQueue } from '@app/queue';
import { createTestDatabase, startNode, TestDatabase, testConfig, TestDialect } from '@app/testing';

/*
 * `npm run backup` taken while submissions are being written through SubmissionsService (the
 * API's path: stored, then admitted to the judge queue on Redis), then `npm run restore` into a
 * fresh database: every submission acknowledged before the backup began is there. The backup
 * runs as its own process, as an operator runs it beside a live platform.
 */

const logger = createLogger('silent', 'test');
const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;

interface Load {
  acked: Array<{ id: string; at: number }>;
  stop(): Promise<void>;
}

/** Four writers creating submissions back to back until stopped; each id is kept once create() resolved. */
function writeUnderLoad(service: SubmissionsService, problemId: string): Load {
  const acked: Load['acked'] = [];
  let running = true;
  const source = `function f(a) { return a; }\n// ${'x'.repeat(2000)}\n`;
  const writers = Array.from({ length: 4 }, async () => {
    while (running) {
      const s = await service.create({ kind: SubmissionKind.SUBMISSION, problemId, problemVersion: 1, userId: randomUUID(), language: Language.JAVASCRIPT, source });
      acked.push({ id: s.id, at: Date.now() });
    }
  });
  return {
    acked,
    async stop() {
      running = false;
      await Promise.all(writers);
    },
  };
}

async function platformDb(dialect: TestDialect): Promise<{ db: TestDatabase; ds: DataSource; service: SubmissionsService; problemId: string; close(): Promise<void> }> {
  const db = await createTestDatabase({ empty: true, dialect });
  await runMigrations(db.config);
  const ds = new DataSource(dataSourceOptions(db.config));
  await ds.initialize();
  const config = testConfig(db.config);
  const redis = createRedis(config.redis.url);
  const service = new SubmissionsService(ds.getRepository(SubmissionEntity), config, redis, logger, new JudgeQueue(redis, config.redis.prefix, config.judge.maxAttempts), systemClock);
  const problem = await ds.getRepository(ProblemEntity).save(
    ds.getRepository(ProblemEntity).create({ slug: 'p', title: 'P', definition: {}, referenceSolutions: [], tags: [], createdById: null, validationReport: null }),
  );
  // Bulk rows first, so the copy takes long enough for writes to land while it runs.
  const filler = `// ${'y'.repeat(4000)}\n`;
  const repo = ds.getRepository(SubmissionEntity);
  await repo.save(
    Array.from({ length: 3000 }, () =>
      repo.create({ kind: SubmissionKind.SUBMISSION, problemId: problem.id, problemVersion: 1, userId: null, attemptId: null, language: Language.JAVASCRIPT, source: filler, customInput: null, state: SubmissionState.FINISHED, enqueuedAt: null }),
    ),
    { chunk: 500 },
  );
  return {
    db,
    ds,
    service,
    problemId: problem.id,
    async close() {
      await service.queue.queue.obliterate({ force: true }).catch(() => undefined);
      await service.queue.close();
      redis.disconnect();
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

const env = (databaseUrl: string) => ({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', REDIS_PREFIX: `ops-backup-${randomBytes(3).toString('hex')}` });

/** Runs the backup command while writers write; returns the acknowledgements seen before it started and in all. */
async function backupUnderLoad(p: Awaited<ReturnType<typeof platformDb>>, out: string) {
  const load = writeUnderLoad(p.service, p.problemId);
  // Until the writers are acknowledged a few times (a fixed 300 ms saw none on a loaded CI machine).
  const until = Date.now() + 30_000;
  while (load.acked.length < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const startedAt = Date.now();
  const ackedBefore = load.acked.filter((a) => a.at < startedAt).map((a) => a.id);
  const backup = startNode('tools/backup.js', env(p.db.url), ['--out', out]);
  const code = await backup.exited;
  const endedAt = Date.now();
  await new Promise((r) => setTimeout(r, 100));
  await load.stop();
  expect({ code, stderr: backup.stderr() }).toEqual({ code: 0, stderr: '' });
  expect(backup.stdout()).toMatch(/^backup: /);
  return { ackedBefore, ackedDuring: load.acked.filter((a) => a.at >= startedAt && a.at <= endedAt).length, ackedTotal: load.acked.length };
}

describe('backup under load, then restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-backup-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('SQLite: the online backup holds every submission acknowledged before it began, and restores', async () => {
    const p = await platformDb('sqlite');
    const target = path.join(dir, 'restored.sqlite');
    try {
      const out = path.join(dir, 'under-load.sqlite');
      const r = await backupUnderLoad(p, out);
      expect(r.ackedBefore.length).toBeGreaterThan(0);
      // The platform kept writing while the backup ran.
      expect(r.ackedDuring).toBeGreaterThan(0);

      // The platform has its database open: restoring over it is refused.
      const refused = startNode('tools/restore.js', env(p.db.url), [out]);
      expect(await refused.exited).toBe(1);
      expect(refused.stderr()).toMatch(/in use/);

      const restore = startNode('tools/restore.js', env(`sqlite:${target}`), [out]);
      expect({ code: await restore.exited, stderr: restore.stderr() }).toEqual({ code: 0, stderr: '' });
      const restored = new Database(target, { readonly: true });
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set((restored.prepare('SELECT id FROM submissions').all() as Array<{ id: string }>).map((x) => x.id));
        const missing = r.ackedBefore.filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
        expect(ids.size).toBeGreaterThanOrEqual(3000 + r.ackedBefore.length);
        expect(ids.size).toBeLessThanOrEqual(3000 + r.ackedTotal);
      } finally {
        restored.close();
      }
    } finally {
      await p.close();
      for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    }
  }, 180_000);

  (hasPgDump ? it : it.skip)('PostgreSQL: pg_dump under load holds every acknowledged submission; pg_restore into a fresh database', async () => {
    const p = await platformDb('postgres');
    const target = await createTestDatabase({ empty: true, dialect: 'postgres' });
    try {
      const out = path.join(dir, 'under-load.dump');
      const r = await backupUnderLoad(p, out);
      expect(r.ackedBefore.length).toBeGreaterThan(0);
      expect(r.ackedDuring).toBeGreaterThan(0);

      // Refused while another process is connected to the target.
      const refused = startNode('tools/restore.js', env(p.db.url), [out]);
      expect(await refused.exited).toBe(1);
      expect(refused.stderr()).toMatch(/other connection/);

      const restore = startNode('tools/restore.js', env(target.url), [out]);
      expect({ code: await restore.exited, stderr: restore.stderr() }).toEqual({ code: 0, stderr: '' });
      const ds = new DataSource(dataSourceOptions(target.config));
      await ds.initialize();
      try {
        const ids = new Set((await ds.query<Array<{ id: string }>>('SELECT id FROM submissions')).map((x) => x.id));
        expect(r.ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
        expect(ids.size).toBeLessThanOrEqual(3000 + r.ackedTotal);
      } finally {
        await ds.destroy();
      }
    } finally {
      await p.close();
      await target.drop();
    }
  }, 180_000);
});
