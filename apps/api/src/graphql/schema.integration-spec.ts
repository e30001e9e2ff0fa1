import * as fs from 'node:fs';
import { ApiHarness, startApi } from '@app/api-testing';
import { generateSchemaSdl, SCHEMA_PATH } from './schema-sdl';

describe('committed SDL', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('matches the schema the resolvers generate (run `npm run schema` after changing the API)', () => {
    const committed = fs.existsSync(SCHEMA_PATH) ? fs.readFileSync(SCHEMA_PATH, 'utf8') : '(missing)';
    expect(generateSchemaSdl(api.app)).toBe(committed);
  });
});
