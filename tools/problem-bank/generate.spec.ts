import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The bank's files are generated (tools/problem-bank/generate.ts): running the generator must
// give every shipped file byte for byte. A file edited by hand, or a generator change that was not
// regenerated, fails here, naming the first file that differs.

const ROOT = join(__dirname, '..', '..');
const BANK = join(ROOT, 'libs', 'assessments', 'data', 'problems');

describe('problem-bank generator', () => {
  let out = '';

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'bank-gen-'));
    // The generator is run by Node itself (type stripping), as its header says, not by Jest.
    const run = spawnSync(process.execPath, ['--no-warnings', join(ROOT, 'tools', 'problem-bank', 'generate.ts'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50_000,
    });
    if (run.status !== 0) throw new Error(`generate.ts failed (${run.status ?? run.signal}): ${run.stderr}`);
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes exactly the shipped problem files', () => {
    const shipped = readdirSync(BANK).filter((f) => f.endsWith('.json')).sort();
    const generated = readdirSync(out).filter((f) => f.endsWith('.json')).sort();
    expect(generated).toEqual(shipped);
  });

  it('reproduces every shipped file byte for byte', () => {
    const differing = readdirSync(BANK)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .filter((f) => readFileSync(join(BANK, f), 'utf8') !== readFileSync(join(out, f), 'utf8'));
    // The first file named: regenerate and diff it, or carry its change into generate.ts.
    expect(differing[0] ?? 'none').toBe('none');
    expect(differing).toEqual([]);
  });
});
