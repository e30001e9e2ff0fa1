import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ESLint } from 'eslint';

/**
 * Lint holds the layering (eslint.config.mjs, LAYERS): an import from a higher layer fails.
 * Lints in-memory variants of a real file, so nothing is written to the tree.
 */
const ROOT = path.resolve(__dirname, '..');

describe('layer boundaries', () => {
  let eslint: ESLint;

  beforeAll(() => {
    // The boundary rule reads Nx's project graph: compute it as `npm run lint` does.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
    eslint = new ESLint({ cwd: ROOT });
  }, 120_000);

  async function boundaryErrors(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it.each([
    ['libs/hiring/src/index.ts', '@app/shortlist'],
    ['libs/domain/src/index.ts', '@app/hiring'],
    ['libs/sandbox/src/index.ts', '@app/judging'],
    ['libs/judging/src/index.ts', '@app/assessments'],
    ['libs/rubrics/src/index.ts', '@app/shortlist'],
  ])('%s may not import %s (a higher layer)', async (file, lib) => {
    const errors = await boundaryErrors(file, `import * as higher from '${lib}';\nexport const probe = higher;\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/can only depend on libs tagged with/);
  }, 60_000);

  it.each([
    ['libs/shortlist/src/index.ts', '@app/rubrics'],
    ['libs/assessments/src/index.ts', '@app/judging'],
    ['libs/judging/src/index.ts', '@app/sandbox'],
  ])('%s may import %s (a lower layer)', async (file, lib) => {
    expect(await boundaryErrors(file, `import * as lower from '${lib}';\nexport const probe = lower;\n`)).toEqual([]);
  }, 60_000);

  it('libs/contracts, bundled into the web app, may not import another lib, not even one of its layer', async () => {
    const errors = await boundaryErrors('libs/contracts/src/index.ts', `import * as domain from '@app/domain';\nexport const probe = domain;\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/can only depend on libs tagged with/);
  }, 60_000);

  it('assessments may not import hiring: the apps bind its ApplicationsPort', async () => {
    const errors = await boundaryErrors('libs/assessments/src/index.ts', `import * as hiring from '@app/hiring';\nexport const probe = hiring;\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/can only depend on libs tagged with/);
  }, 60_000);

  it.each([
    ['@app/api-testing', 'the API harness, by its alias'],
    ['../../../apps/api/src/bootstrap', 'the API, by a relative path'],
  ])('libs/testing may not import %s (%s): it sees libs only', async (target) => {
    const errors = await boundaryErrors('libs/testing/src/index.ts', `import * as api from '${target}';\nexport const probe = api;\n`);
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('libs/testing may import any lib; the API test support may import libs/testing', async () => {
    expect(await boundaryErrors('libs/testing/src/index.ts', `import * as top from '@app/shortlist';\nexport const probe = top;\n`)).toEqual([]);
    expect(await boundaryErrors('apps/api/test/index.ts', `import * as t from '@app/testing';\nexport const probe = t;\n`)).toEqual([]);
  }, 60_000);

  it('the worker may not import the API', async () => {
    const errors = await boundaryErrors('apps/worker/src/main.ts', `import * as api from '../../api/src/bootstrap';\nexport const probe = api;\n`);
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);
});
