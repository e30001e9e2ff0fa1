/**
 * Prints the GraphQL SDL generated from the resolvers; `--write` updates apps/api/schema.graphql
 * (`npm run schema`). The schema test fails when the committed file is stale.
 */
process.env.TZ = 'UTC';
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLogger } from '@app/common';
import { loadConfig } from '@app/config';
import { createApi } from '../apps/api/src/bootstrap';
import { generateSchemaSdl, SCHEMA_PATH } from '../apps/api/src/graphql/schema-sdl';

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hp-sdl-')), 'db.sqlite')}`,
  });
  const app = await createApi(config, createLogger('silent', 'sdl'));
  await app.init();
  const sdl = generateSchemaSdl(app);
  await app.close();
  if (process.argv.includes('--write')) {
    fs.writeFileSync(SCHEMA_PATH, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
  } else {
    process.stdout.write(sdl);
  }
}

main().catch((e: unknown) => {
  console.error(`print-schema failed: ${(e as Error).message}`);
  process.exit(1);
});
