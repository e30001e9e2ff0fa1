/**
 * `npm run problems:import -- FILE.json [FILE.json ...]`: adds problems to the bank (or updates
 * the one with the same slug) and queues their validation; a running worker validates them.
 * A file is a judge problem document plus `referenceSolutions`, and optionally `difficulty`,
 * `tags` and `wrongSolutions` (the format of libs/assessments/data/problems). Known-wrong
 * solutions also come from `wrong/<slug>.<label>.<ext>` beside the file; the worker's validation
 * judges them with the references and calibrates the performance tests.
 */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import * as fs from 'node:fs';
import { parseBankFile, ProblemsService } from '@app/assessments';
import { AppError, createLogger } from '@app/common';
import { die, loadConfigOrDie } from '@app/core';
import { runMigrations } from '@app/migrations';
import { withSeedContext } from './seed.module';

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (!files.length) die('usage: npm run problems:import -- FILE.json [FILE.json ...]');
  const config = loadConfigOrDie();
  const logger = createLogger('silent', 'import');
  await runMigrations(config.database);
  let failed = 0;
  // The seed step's context: the services the API uses. It judges nothing here (a running
  // worker validates what this queues), so no sandbox starts.
  await withSeedContext(
    config,
    logger,
    async (app) => {
      const problems = app.get(ProblemsService);
      for (const file of files) {
        try {
          const e = parseBankFile(file, fs.readFileSync(file, 'utf8'));
          const input = { definition: e.definition, referenceSolutions: e.referenceSolutions, wrongSolutions: e.wrongSolutions, difficulty: e.difficulty, tags: e.tags };
          const existing = await problems.findBySlug(String(e.definition.slug));
          const p = existing ? await problems.update(existing.id, input) : await problems.create(input, null);
          await problems.validate(p.id, null);
          console.log(`${existing ? 'updated' : 'created'} ${p.slug} (version ${p.version}, id ${p.id}): validation queued`);
        } catch (e) {
          failed++;
          const details = e instanceof AppError && Array.isArray(e.details.fields) ? e.details.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`).join('; ') : (e as Error).message;
          console.error(`${file}: ${details}`);
        }
      }
    },
    'import',
  );
  process.exit(failed ? 2 : 0);
}

main().catch((e: unknown) => die(`problems:import failed: ${(e as Error).message}`));
