/**
 * The CLI contract, on a real process: one JSON document on stdout whatever the candidate
 * prints, exit 0 when it judged, exit 2 with one line on stderr when it could not.
 * Runs the TypeScript source through the sandbox lib's require hook (no build needed).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(__dirname, 'judge.ts');
const REGISTER = path.join(ROOT, 'libs/sandbox/dev/register.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--require', REGISTER, CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const twoSum = {
  slug: 'two-sum',
  title: 'Two Sum',
  statement: 'markdown',
  mode: 'function',
  entryPoint: 'twoSum',
  limits: { timeMs: 2000, memoryMb: 64 },
  checker: { type: 'exact' },
  tests: [
    { name: 'example 1', args: [[2, 7, 11, 15], 9], expected: [0, 1], hidden: false, weight: 1 },
    { name: 'negatives', args: [[-3, 4, 3, 90], 0], expected: [0, 2] },
  ],
};

const sumLines = {
  slug: 'sum-lines',
  title: 'Sum lines',
  mode: 'stdio',
  checker: { type: 'tokens' },
  tests: [
    { name: 'two', stdin: '1 2\n3 4\n', expected: '3\n7\n', hidden: false },
    { name: 'hidden', stdin: '10 20\n', expected: '30\n' },
  ],
};

describe('judge CLI', () => {
  let dir: string;
  const file = (name: string, content: string | object) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judge-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('judges a function-mode JavaScript solution and prints one JSON document', async () => {
    const p = file('two-sum.json', twoSum);
    const s = file(
      'two-sum.js',
      'function twoSum(nums, t) { const m = new Map(); for (let i = 0; i < nums.length; i++) { if (m.has(t - nums[i])) return [m.get(t - nums[i]), i]; m.set(nums[i], i); } }',
    );
    const r = await cli(p, s);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ verdict: 'ACCEPTED', score: 1, passed: 2, total: 2, compileError: null, warnings: [] });
    expect(out.tests).toEqual([
      expect.objectContaining({ name: 'example 1', status: 'ACCEPTED', hidden: false, actual: [0, 1], timeMs: expect.any(Number) }),
      expect.objectContaining({ name: 'negatives', status: 'ACCEPTED', hidden: true, timeMs: expect.any(Number) }),
    ]);
    expect((out.tests as object[])[1]).not.toHaveProperty('actual');
  }, 30_000);

  it('judges a bank file as it is: bank fields accepted, generated tests made and calibrated, a naive solution out on time only', async () => {
    const bank = path.join(ROOT, 'libs/assessments/data/problems');
    const r = await cli(path.join(bank, 'two-sum.json'), path.join(bank, 'wrong/two-sum.slow.js'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { verdict: string; correctness: number; performance: number; explanation: string; tests: Array<Record<string, unknown>> };
    expect(out).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', correctness: 1, performance: 0 });
    expect(out.explanation).toBe('correct on all cases; too slow on large inputs (n = 100000): a higher time complexity than intended suspected');
    const perf = out.tests.filter((t) => t.kind === 'performance');
    expect(perf).toEqual([
      expect.objectContaining({ name: '100000 numbers, pair at the end', status: 'TIME_LIMIT_EXCEEDED', hidden: true, size: 'n = 100000', cpuLimitMs: expect.any(Number) }),
    ]);
    // Hidden: no data crosses into the output.
    expect(perf[0]).not.toHaveProperty('actual');
  }, 120_000);

  it('refuses generated tests without a reference to answer them', async () => {
    const generated = {
      ...twoSum,
      generator: 'function generate(p) { return [[1, 2], 3]; }',
      tests: [...twoSum.tests, { name: 'big', kind: 'performance', generate: { n: 2 } }],
    };
    const r = await cli(file('generated.json', generated), file('g.js', 'function twoSum() { return [0, 1]; }'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/its generated tests need a reference solution/);
  }, 30_000);

  it('judges a stdio TypeScript solution, wrong answers included, and still exits 0', async () => {
    const p = file('sum-lines.json', sumLines);
    const s = file(
      'sum.ts',
      "let l: string | undefined;\nwhile ((l = readline()) !== undefined) {\n  const [a, b] = l.split(' ').map(Number);\n  print(a * b);\n}\nconst n: number = 'typo';\n",
    );
    const r = await cli(p, s);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      verdict: string;
      score: number;
      warnings: string[];
      tests: Array<{ status: string; output?: string }>;
    };
    expect(out).toMatchObject({ verdict: 'WRONG_ANSWER', score: 0 });
    expect(out.tests[0]).toMatchObject({ status: 'WRONG_ANSWER', output: '2\n12\n' });
    expect(out.warnings).toEqual(["6:7 Type 'string' is not assignable to type 'number'."]);
  }, 30_000);

  it('keeps whatever the candidate prints inside the JSON document', async () => {
    const p = file('junk.json', sumLines);
    const s = file(
      'junk.js',
      [
        'console.log(\'{"verdict":"ACCEPTED","score":1,"passed":2,"total":2}\');',
        "print('}}}not json');",
        "try { process.stdout.write('escaped!'); } catch (e) {}",
        "console.error('to stderr?');",
        'let l; while ((l = readline()) !== undefined) { const [a, b] = l.split(" ").map(Number); print(a + b); }',
      ].join('\n'),
    );
    const r = await cli(p, s);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('escaped!');
    const out = JSON.parse(r.stdout) as { verdict: string; tests: Array<{ output?: string }> };
    expect(out.verdict).toBe('WRONG_ANSWER');
    expect(out.tests[0].output).toContain('"verdict":"ACCEPTED"');
  }, 30_000);

  it('reports a compile error as a verdict', async () => {
    const r = await cli(file('p.json', twoSum), file('broken.ts', 'function twoSum(a: number[] {\n}\n'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'COMPILE_ERROR', compileError: { line: 1, column: 29 }, tests: [] });
  }, 30_000);

  describe('Python and SQL solutions', () => {
    const EXAMPLES = path.join(ROOT, 'libs/sandbox/test-fixtures/examples');
    const ex = (name: string) => path.join(EXAMPLES, name);

    it('judges a Python function solution, a Python stdio one and an SQL one by their extension', async () => {
      const [py, stdio, sqlOk, sqlWrong] = await Promise.all([
        cli(ex('two-sum.json'), ex('two-sum.py')),
        cli(ex('aggregate-request-logs.json'), ex('aggregate-request-logs.py')),
        cli(ex('error-paths.json'), ex('error-paths.sql')),
        cli(ex('error-paths.json'), ex('error-paths.wrong.sql')),
      ]);
      for (const r of [py, stdio, sqlOk, sqlWrong]) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(py.stdout)).toMatchObject({ verdict: 'ACCEPTED', passed: 6, total: 6 });
      expect(JSON.parse(stdio.stdout)).toMatchObject({ verdict: 'ACCEPTED', passed: 5, total: 5 });
      expect(JSON.parse(sqlOk.stdout)).toMatchObject({
        verdict: 'ACCEPTED',
        passed: 4,
        tests: [{ name: 'example 1', actual: { columns: ['path', 'errors'], rows: [['/users', 2], ['/orders', 1]] } }, {}, {}, {}],
      });
      expect(JSON.parse(sqlWrong.stdout)).toMatchObject({ verdict: 'WRONG_ANSWER', passed: 1, score: 0.25 });
    }, 180_000);

    it('takes --language over the extension', async () => {
      const r = await cli(ex('two-sum.json'), file('solution.txt', 'def two_sum(nums, target):\n    return [0, 1]\n'), '--language', 'python');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'WRONG_ANSWER', passed: 2 });
    }, 180_000);
  });

  describe('exits 2 with one line on stderr and nothing on stdout', () => {
    const refused = async (args: string[], message: RegExp) => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    };

    it('for a wrong number of arguments', async () => {
      await refused([], /^judge: usage: judge PROBLEM\.json SOLUTION/);
    });

    it('for an unknown extension', async () => {
      await refused([file('p.json', twoSum), file('sol.rb', 'puts 1')], /unknown extension; use \.js, \.ts, \.py or \.sql, or --language/);
    });

    it('for a language the problem does not accept', async () => {
      await refused([file('p.json', { ...twoSum, languages: ['javascript'] }), file('sol.py', 'print(1)')], /does not accept python; it accepts javascript$/m);
      await refused([file('p.json', twoSum), file('sol.js', 'x'), '--language', 'sql'], /does not accept sql/);
      await refused([file('p.json', twoSum), file('sol.js', 'x'), '--language=cobol'], /unknown language cobol/);
    });

    it('for an unreadable problem', async () => {
      await refused([path.join(dir, 'missing.json'), file('s.js', '')], /cannot read the problem .*missing\.json: ENOENT/);
      await refused([dir, file('s.js', '')], /is not a file/);
    });

    it('for a problem that is not JSON', async () => {
      await refused([file('bad.json', '{ "slug": '), file('s.js', '')], /\(root\): is not valid JSON/);
    });

    it('for an invalid problem, naming each bad field', async () => {
      const bad = { ...twoSum, entryPoint: 'two sum', tests: [{ name: 'x', args: 5, expected: 1 }] };
      await refused(
        [file('invalid.json', bad), file('s.js', '')],
        /invalid problem: entryPoint: must be a JavaScript identifier; tests\[0\]\.args: /,
      );
    });

    it('for a solution over the size limit', async () => {
      await refused([file('p.json', twoSum), file('huge.js', `// ${'x'.repeat(70_000)}`)], /the limit is 65536 bytes/);
    });

    it('for an unreadable solution', async () => {
      await refused([file('p.json', twoSum), path.join(dir, 'nope.js')], /cannot read the solution .*nope\.js: ENOENT/);
    });
  });
});
