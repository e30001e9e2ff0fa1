/**
 * Brings the database to the current schema and seeds default data, once, before the API and
 * the worker start (so two processes never race on migrations):
 *   - the first admin from ADMIN_EMAIL / ADMIN_PASSWORD;
 *   - in development (SEED_DEMO_DATA, default on outside production) demo accounts for each role.
 * `--migrate-only` stops after the migrations.
 */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import { UsersService } from '@app/auth';
import { createLogger, wantsPrettyLogs } from '@app/common';
import { databaseErrorLine, die, loadConfigOrDie } from '@app/core';
import { Role } from '@app/domain';
import { runMigrations } from '@app/migrations';
import { withSeedContext } from './seed.module';
import { SEEDERS } from './seeders';

export const DEMO_PASSWORD = 'demo-password-123';
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: Role.ADMIN },
  { email: 'recruiter@example.com', name: 'Rita Recruiter', role: Role.RECRUITER },
  { email: 'interviewer@example.com', name: 'Ivan Interviewer', role: Role.INTERVIEWER },
  { email: 'interviewer2@example.com', name: 'Iris Interviewer', role: Role.INTERVIEWER },
  { email: 'candidate@example.com', name: 'Cory Candidate', role: Role.CANDIDATE },
];

async function main(): Promise<void> {
  const config = loadConfigOrDie();
  const logger = createLogger(config.logLevel, 'init', { pretty: wantsPrettyLogs(config.isProduction) });
  let ran: string[];
  try {
    ran = await runMigrations(config.database);
  } catch (e) {
    die(databaseErrorLine(config, e));
  }
  logger.info({ migrations: ran }, ran.length ? `applied ${ran.length} migration(s)` : 'schema is up to date');
  if (process.argv.includes('--migrate-only')) return;

  await withSeedContext(config, logger, async (app) => {
    const users = app.get(UsersService);
    if (config.admin && (await users.ensureAdmin(config.admin.email, config.admin.password))) {
      logger.info({ email: config.admin.email }, 'created the first admin from ADMIN_EMAIL');
    }
    if (config.seedDemoData) {
      for (const u of DEMO_USERS) {
        const existing = await users.findWithHash(u.email);
        if (!existing) await users.seed({ ...u, password: DEMO_PASSWORD });
      }
      logger.info({ users: DEMO_USERS.map((u) => u.email) }, `demo accounts ready (password ${DEMO_PASSWORD})`);
    }
    for (const seeder of SEEDERS) await seeder(app, { config, logger, demo: config.seedDemoData });
  });
}

main().catch((e: unknown) => die(`Initialisation failed: ${(e as Error).message}`));
