import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from '@app/common';
import { loadRubricFiles, RubricFile } from '../rubric-files';
import { RubricsService } from '../rubrics.service';

export const DEFAULT_RUBRIC_KEY = 'backend-engineer-intern';

/**
 * Seed step, idempotent: loads every rubric file of libs/rubrics/data/rubrics as a library
 * rubric (a broken file stops the seed with its name and field). A changed file edits the
 * current version, or makes a new one when a submitted scorecard uses it. `app` is any context
 * holding RubricsModule (the seed context, the API).
 */
export async function seedRubrics(
  app: INestApplicationContext,
  ctx: { logger: Logger },
  files: RubricFile[] = loadRubricFiles(),
): Promise<void> {
  const sync = await app.get(RubricsService).sync(files);
  ctx.logger.info(sync, 'rubrics loaded');
}
