/** `npm run create-admin -- --email a@b.co --password '...' [--name 'Ada']`: creates an admin account. */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AuthCoreModule, UsersService } from '@app/auth';
import { createLogger } from '@app/common';
import { CoreModule, die, loadConfigOrDie } from '@app/core';
import { runMigrations } from '@app/migrations';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.password) die('usage: npm run create-admin -- --email EMAIL --password PASSWORD [--name NAME]');
  if (values.password.length < 10) die('create-admin: the password must be at least 10 characters');
  const config = loadConfigOrDie();
  await runMigrations(config.database);
  @Module({ imports: [CoreModule.forRoot(config, 'cli', createLogger('silent', 'cli')), AuthCoreModule] })
  class CliModule {}
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    const created = await app.get(UsersService).ensureAdmin(values.email, values.password, values.name ?? 'Administrator');
    console.log(created ? `created admin ${values.email.toLowerCase()}` : `an account with email ${values.email.toLowerCase()} already exists; nothing changed`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => die(`create-admin failed: ${(e as Error).message}`));
