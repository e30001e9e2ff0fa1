import * as fs from 'node:fs';
import { ADMIN, errorCode, gql, ok, Platform, startPlatform } from '@app/testing';

/**
 * The memory one request can take, measured on the real API process (dist/) with the largest
 * rows the API accepts: 200 problems of ~95 KB each (a problem arrives in one request body of at
 * most 100 KB). For each of the costliest requests the limits still allow, the peak RSS
 * (VmHWM, reset before each through /proc/PID/clear_refs) is compared with the RSS before it.
 * The figures are printed and written to docs/api.md ("Limits").
 */
const PROBLEMS = 200;
const BOUND_MB = 256;

function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

describe('one request cannot take the API past a stated memory bound', () => {
  let platform: Platform;
  let token: string;
  let pid: number;
  /** Problems seeded by platform-init (the bank) come first in the list; ours follow. */
  let bank: number;
  const figures: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform({ workers: 0 });
    pid = platform.api.child.pid!;
    token = ok(
      await gql<{ login: { accessToken: string } }>(platform.url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
        i: ADMIN,
      }),
    ).login.accessToken;
    bank = ok(await gql<{ problems: { total: number } }>(platform.url, '{ problems(limit: 1) { total } }', {}, token)).problems.total;
    const statement = 'A long statement. '.repeat(5_250); // 94,500 bytes
    for (let i = 0; i < PROBLEMS; i++) {
      const input = {
        definition: {
          slug: `big-${i}`,
          title: `Big problem ${i}`,
          statement,
          mode: 'function',
          entryPoint: 'add',
          checker: { type: 'exact' },
          tests: [{ name: 'example', args: [1, 2], expected: 3, hidden: false }],
        },
        referenceSolutions: [{ language: 'javascript', source: 'function add(a, b) { return a + b; }' }],
      };
      ok(await gql(platform.url, 'mutation($i: ProblemInput!) { createProblem(input: $i) { id } }', { i: input }, token));
    }
  }, 600_000);

  afterAll(async () => {
    console.log(`memory per request (API process): ${JSON.stringify(figures, null, 1)}`);
    await platform?.stop();
  });

  async function peakGrowthMb(name: string, query: string): Promise<{ growth: number; code?: string; bytes: number }> {
    await new Promise((r) => setTimeout(r, 500));
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    const before = memory(pid).rssMb;
    const started = Date.now();
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const text = await res.text();
    const growth = memory(pid).peakMb - before;
    const body = JSON.parse(text) as { errors?: Array<{ message: string }> };
    const code = errorCode(body as never);
    figures[name] =
      `+${growth.toFixed(0)} MB peak over ${before.toFixed(0)} MB, ${text.length} bytes, ${code ? `${code}: ${body.errors![0].message}` : 'ok'}, ${Date.now() - started} ms`;
    return { growth, code, bytes: text.length };
  }

  it('measures the costliest allowed requests and the refused attack', async () => {
    // Warm up: the first request of a kind compiles code and fills pools. The heap a request
    // grows is reused by the next, so the output requests run before the rows one (the worst).
    ok(await gql(platform.url, '{ problems(limit: 5) { items { id definition } } }', {}, token));

    // Most output: a page of definitions as large as complexity allows (1 + 49 x 401 <= 20,000),
    // cut by the 4 MB response ceiling.
    const r2 = await peakGrowthMb(
      'output: problems(limit: 49) { items { definition } }',
      '{ problems(limit: 49) { items { definition } } }',
    );
    expect(r2.code).toBe('QUERY_TOO_COMPLEX');

    // Just under the response ceiling: 40 of our definitions of ~95 KB (3.8 MB).
    const r3 = await peakGrowthMb(
      'output: problems(limit: 40) { items { definition } }',
      `{ problems(limit: 40, offset: ${bank}) { items { definition } } }`,
    );
    expect(r3.code).toBeUndefined();
    expect(r3.bytes).toBeGreaterThan(3_500_000);

    // Most rows: aliases of a page of 200, each item at its minimum cost (4 x 4,001 <= 20,000).
    const rows = Array.from({ length: 4 }, (_, i) => `p${i}: problems(limit: 200) { total items { id } }`).join(' ');
    const r1 = await peakGrowthMb('rows: 4 x problems(limit: 200) (800 rows of ~95 KB)', `{ ${rows} }`);
    expect(r1.code).toBeUndefined();

    // The reported attack (493 MB and 4 GB before): refused before any row is read.
    const attack = Array.from(
      { length: 300 },
      (_, i) => `p${i}: problems(limit: 200) { items { definition referenceSolutions { source } } }`,
    ).join(' ');
    const r4 = await peakGrowthMb('attack: 300 x problems(limit: 200) with definitions and sources', `{ ${attack} }`);
    expect(r4.code).toBe('QUERY_TOO_COMPLEX');
    expect(r4.growth).toBeLessThan(32);
    const r5 = await peakGrowthMb(
      'attack, one alias: problems(limit: 200) with definitions and sources',
      '{ problems(limit: 200) { items { definition referenceSolutions { source } } } }',
    );
    expect(r5.code).toBe('QUERY_TOO_COMPLEX');
    expect(r5.growth).toBeLessThan(32);

    for (const r of [r1, r2, r3]) expect(r.growth).toBeLessThan(BOUND_MB);
    figures['RSS after all'] = `${memory(pid).rssMb.toFixed(0)} MB`;
  });
});
