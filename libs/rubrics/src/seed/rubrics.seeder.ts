import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from '@app/common';
import { RubricEntity, RubricVersionEntity } from '@app/domain';
import { hiringServices } from '@app/hiring';
import { loadRubricFiles, RubricFile } from '../rubric-files';
import { RubricsService } from '../rubrics.service';

export const DEFAULT_RUBRIC_KEY = 'backend-engineer-intern';

/** The rubrics service over a DataSource, for contexts without RubricsModule (the seed step). */
export function rubricsService(ds: DataSource): RubricsService {
  return new RubricsService(ds, ds.getRepository(RubricEntity), ds.getRepository(RubricVersionEntity), hiringServices(ds).jobs);
}

/**
 * Seed step, idempotent: loads every rubric file of libs/rubrics/data/rubrics as a library
 * rubric (a broken file stops the seed with its name and field). A changed file edits the
 * current version, or makes a new one when a submitted scorecard uses it.
 */
export async function seedRubrics(
  app: INestApplicationContext,
  ctx: { logger: Logger },
  files: RubricFile[] = loadRubricFiles(),
): Promise<void> {
  const sync = await rubricsService(app.get(DataSource)).sync(files);
  ctx.logger.info(sync, 'rubrics loaded');
}
