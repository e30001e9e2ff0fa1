import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from '@app/common';
import type { AppConfig } from '@app/config';

export interface SeedContext {
  config: AppConfig;
  logger: Logger;
  /** True when demo data is wanted (development by default). */
  demo: boolean;
}

/** Idempotent seed steps run by platform-init after the users, in order. Features add theirs here. */
export type Seeder = (app: INestApplicationContext, ctx: SeedContext) => Promise<void>;

export const SEEDERS: Seeder[] = [];
