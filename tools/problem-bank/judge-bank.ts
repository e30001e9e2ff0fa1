/**
 * Runs the whole seed bank through the real judge (@app/sandbox: isolated-vm, Pyodide, sql.js,
 * the product's limits and checkers), no database or Redis:
 *
 *   bash tools/run.sh build && bash tools/run.sh node dist/tools/problem-bank/judge-bank.js [SLUG ...]
 *
 * Every reference solution, in every language, must be ACCEPTED. Every known-wrong solution
 * (libs/assessments/data/problems/wrong/<slug>.<label>.js|py|sql) must fail a hidden test; a
 * Python or SQL one must fail the very test its `# fails:` / `-- fails:` line names. Prints one
 * line per solution (verdict, score, slowest test) and exits 1 when any expectation fails.
 * A development check of the bank's content, like tools/problem-bank/verify-python.py (local
 * CPython) and sql-bank.spec.ts (better-sqlite3); this one uses the engine candidates meet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Judge, JudgeResult, Language, loadProblem } from '@app/sandbox';

const BANK = path.resolve(__dirname, '..', '..', '..', 'libs', 'assessments', 'data', 'problems');
const WRONG = path.join(BANK, 'wrong');
const LANGUAGE_OF: Readonly<Record<string, Language>> = { js: 'javascript', py: 'python', sql: 'sql' };

interface Run {
  label: string;
  language: Language;
  source: string;
  /** undefined: a reference, which must pass everything. */
  mustFail?: { named: string | null };
}

function runsOf(slug: string, refs: { language: Language; source: string }[]): Run[] {
  const runs: Run[] = refs.map((r, i) => ({ label: `reference ${i + 1} (${r.language})`, language: r.language, source: r.source }));
  for (const f of fs.readdirSync(WRONG).sort()) {
    const [s, , ext] = f.split('.');
    if (s !== slug) continue;
    const source = fs.readFileSync(path.join(WRONG, f), 'utf8');
    runs.push({ label: f, language: LANGUAGE_OF[ext], source, mustFail: { named: /^(?:#|--) fails: (.+)$/m.exec(source)?.[1] ?? null } });
  }
  return runs;
}

function judgement(run: Run, result: JudgeResult): string | null {
  if (!run.mustFail) return result.verdict === 'ACCEPTED' ? null : `${result.verdict}, ${result.passed}/${result.total}`;
  const failedHidden = result.tests.filter((t) => t.hidden && t.status !== 'ACCEPTED').map((t) => t.name);
  if (run.mustFail.named !== null)
    return failedHidden.includes(run.mustFail.named) ? null : `passes the test it names: ${run.mustFail.named}`;
  return failedHidden.length ? null : 'passes every hidden test';
}

async function main(slugs: string[]): Promise<number> {
  const judge = new Judge({ size: 2 });
  const problems: string[] = [];
  try {
    for (const file of fs
      .readdirSync(BANK)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const {
        referenceSolutions,
        difficulty: _d,
        tags: _t,
        ...definition
      } = JSON.parse(fs.readFileSync(path.join(BANK, file), 'utf8')) as {
        referenceSolutions: { language: Language; source: string }[];
        [key: string]: unknown;
      };
      const problem = loadProblem(definition);
      if (slugs.length && !slugs.includes(problem.slug)) continue;
      const runs = runsOf(problem.slug, referenceSolutions);
      const results = await Promise.all(runs.map((r) => judge.judge({ problem, language: r.language, source: r.source })));
      runs.forEach((run, i) => {
        const result = results[i];
        const slowest = result.tests.reduce((m, t) => (t.timeMs > m.timeMs ? t : m), { timeMs: 0, name: '-' });
        const wrong = judgement(run, result);
        if (wrong) problems.push(`${problem.slug} ${run.label}: ${wrong}`);
        console.log(
          `${wrong ? 'FAIL' : 'ok  '} ${problem.slug.padEnd(30)} ${run.label.padEnd(58)} ${result.verdict.padEnd(20)} ` +
            `${result.passed}/${result.total}  slowest ${Math.round(slowest.timeMs)} ms (${slowest.name})`,
        );
      });
    }
  } finally {
    await judge.close();
  }
  console.log(
    problems.length
      ? `\nFAILED:\n  ${problems.join('\n  ')}`
      : '\nOK: every reference is ACCEPTED; every known-wrong solution fails as it says.',
  );
  return problems.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
