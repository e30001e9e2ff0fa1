import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from '@app/common';
import type { AppConfig } from '@app/config';
import { seedProblemBank } from '@app/assessments';
import { seedHiring } from '@app/hiring';
import { seedRubrics } from '@app/rubrics';

export interface SeedContext {
  config: AppConfig;
  logger: Logger;
  /** True when demo data is wanted (development by default). */
  demo: boolean;
}

/** Idempotent seed steps run by platform-init after the users, in order. Features add theirs here. */
export type Seeder = (app: INestApplicationContext, ctx: SeedContext) => Promise<void>;

export const SEEDERS: Seeder[] = [
  // Job templates from libs/hiring/data/templates; with demo data, a published job and an application.
  seedHiring,
  // The problem bank from libs/assessments/data/problems, validated; with demo data, an assessment and an invitation.
  seedProblemBank,
  // Library interview rubrics from libs/rubrics/data/rubrics (the default Backend Engineer Intern one).
  seedRubrics,
];
