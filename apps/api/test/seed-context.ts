import type { INestApplicationContext } from '@nestjs/common';
import { createLogger } from '@app/common';
// The seed step lives with the commands that run it (tools/platform-init.ts, import-problems.ts);
// the harness runs that same context, so seeding in tests is seeding at `npm start`.
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/ is scripts, not a project
import { withSeedContext } from '../../../tools/seed.module';
import type { ApiHarness } from './api-harness';

/**
 * Runs `fn` in the seed step's own Nest context (tools/seed.module.ts, what platform-init runs)
 * over the harness's database and Redis: the context that holds the judge, so the problem bank
 * is validated as at `npm start`.
 */
export function inSeedContext<T>(api: Pick<ApiHarness, 'config'>, fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  return withSeedContext(api.config, createLogger('silent', 'seed'), fn, 'seed-test');
}
