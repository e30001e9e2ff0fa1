/** `npm run create-admin -- --email a@b.co --password '...' [--name 'Ada']`: creates an admin account. */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AuthCoreModule, normalizeEmail, passwordProblems, UsersService } from '@app/auth';
import { createLogger } from '@app/common';
import { CoreModule, die, loadConfigOrDie } from '@app/core';
import { runMigrations } from '@app/migrations';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.password) die('usage: npm run create-admin -- --email EMAIL --password PASSWORD [--name NAME]');
  // The same password rules as every account, checked before touching the database.
  const problem = passwordProblems(values.password, values.email)[0];
  if (problem) die(`create-admin: the password ${problem.message}`);
  const config = loadConfigOrDie();
  await runMigrations(config.database);
  @Module({ imports: [CoreModule.forRoot(config, 'cli', createLogger('silent', 'cli')), AuthCoreModule] })
  class CliModule {}
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    const created = await app.get(UsersService).ensureAdmin(values.email, values.password, values.name ?? 'Administrator');
    console.log(created ? `created admin ${normalizeEmail(values.email)}` : `an account with email ${normalizeEmail(values.email)} already exists; nothing changed`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => die(`create-admin failed: ${(e as Error).message}`));
