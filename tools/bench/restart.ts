/**
 * `npm run bench:restart`: what a worker restart costs in CPU, against a baseline measured in the
 * same run. A killed worker's sandbox child dies with it (chaos: 100 worker SIGKILLs), and the
 * new child pays, on its first submission in each language, what a warm child has already paid:
 * its own start, the problem crossing the IPC channel, V8 compiling the engine's code again
 * (Pyodide's and sql.js's WebAssembly and JavaScript, the solution's host-side compile path) and,
 * for TypeScript, the type checker's thread loading the compiler in the worker.
 *
 * For each language of the chaos mix (reconcile-ledgers' references in JavaScript, TypeScript and
 * Python; endpoint-error-rates' in SQL), `--rounds` times: a new Judge with one sandbox child
 * (the Python snapshot and generated tests read from a cache directory made beforehand, as a
 * deployment with JUDGE_CACHE_DIR does), then `--warm` + 1 submissions of the reference, one at a
 * time. Per submission it reads the CPU time of the child (/proc, every thread) and of this
 * process (the worker's side: IPC, the type-check thread). Prints medians: the first
 * submission (child start included) against a warm one (the median of the later ones), as a
 * ratio and as extra CPU ms per restart. Then the same for a new child meeting every language in
 * turn, as a worker restarted under the chaos mix does, which pays the child's start once.
 * Options: --rounds 3 --warm 5.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Judge, Language, loadBankDocument, materialize, Problem } from '@app/sandbox';
import { ROOT } from './judge-engine';
import { fmt, median } from './stats';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const TICK_MS = 1000 / 100; // USER_HZ on Linux

/** CPU time of a process, all its threads, in ms. */
function processCpu(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const ownCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Case {
  language: Language;
  problem: Problem;
  source: string;
}

async function cases(): Promise<Case[]> {
  const bank = (slug: string) => loadBankDocument(fs.readFileSync(path.join(ROOT, 'libs/assessments/data/problems', `${slug}.json`), 'utf8'));
  const ledgers = bank('reconcile-ledgers');
  const rates = bank('endpoint-error-rates');
  const prep = new Judge({ size: 1 });
  try {
    const ledgersProblem = await materialize(prep, ledgers.problem, ledgers.referenceSolutions[0]);
    const ratesProblem = await materialize(prep, rates.problem, rates.referenceSolutions[0]);
    const ref = (doc: typeof ledgers, language: Language) => doc.referenceSolutions.find((r) => r.language === language)!.source;
    return [
      { language: 'javascript', problem: ledgersProblem, source: ref(ledgers, 'javascript') },
      { language: 'typescript', problem: ledgersProblem, source: ref(ledgers, 'typescript') },
      { language: 'python', problem: ledgersProblem, source: ref(ledgers, 'python') },
      { language: 'sql', problem: ratesProblem, source: ref(rates, 'sql') },
    ];
  } finally {
    await prep.close();
  }
}

interface Cost {
  child: number;
  worker: number;
}

/**
 * One restart: a new child, then `1 + warm` rounds, each submitting every case once in turn; the
 * CPU of each submission, by round. The first round's first submission carries the child's start.
 */
async function restart(cs: Case[], cacheDir: string, warm: number): Promise<Cost[][]> {
  const workerStart = ownCpu();
  const judge = new Judge({ size: 1, cacheDir });
  const rounds: Cost[][] = [];
  try {
    for (let i = 0; i <= warm; i++) {
      const round: Cost[] = [];
      for (const [k, c] of cs.entries()) {
        const pid = judge.sandboxPids()[0];
        const child0 = pid === undefined ? 0 : processCpu(pid);
        const worker0 = i === 0 && k === 0 ? workerStart : ownCpu();
        const r = await judge.judge({ problem: c.problem, language: c.language, source: c.source });
        if (r.verdict !== 'ACCEPTED') throw new Error(`${c.language} reference: ${r.verdict}, expected ACCEPTED`);
        const after = judge.sandboxPids()[0];
        if (pid !== undefined && after !== pid) throw new Error(`${c.language}: the sandbox child was replaced mid-run`);
        round.push({ child: processCpu(after) - child0, worker: ownCpu() - worker0 });
      }
      rounds.push(round);
    }
  } finally {
    await judge.close();
  }
  return rounds;
}

const total = (cs: Cost[]): number => cs.reduce((sum, c) => sum + c.child + c.worker, 0);

async function main(): Promise<void> {
  const rounds = option('rounds', 3);
  const warm = option('warm', 5);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-restart-'));
  try {
    const all = await cases();
    // Fills the cache (Python's snapshot) as a deployment's first worker did: not measured.
    await restart(all, cacheDir, 0);
    console.log(`npm run bench:restart -- --rounds ${rounds} --warm ${warm}: CPU ms per submission, medians (child = sandbox child, all threads; worker = this process)`);
    console.log('| language | first after a restart: child / worker | warm: child / worker | first / warm (child + worker) | extra per restart |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const c of all) {
      const runs: Cost[][] = [];
      for (let r = 0; r < rounds; r++) runs.push((await restart([c], cacheDir, warm)).map((round) => round[0]));
      const firstChild = median(runs.map((x) => x[0].child));
      const firstWorker = median(runs.map((x) => x[0].worker));
      const warmChild = median(runs.flatMap((x) => x.slice(1).map((y) => y.child)));
      const warmWorker = median(runs.flatMap((x) => x.slice(1).map((y) => y.worker)));
      const extra = firstChild + firstWorker - (warmChild + warmWorker);
      console.log(
        `| ${c.language} | ${fmt(firstChild, 0)} / ${fmt(firstWorker, 0)} | ${fmt(warmChild, 0)} / ${fmt(warmWorker, 0)} | ${fmt((firstChild + firstWorker) / (warmChild + warmWorker))}x | ${fmt(extra, 0)} ms |`,
      );
    }
    // Each row above carries a child's start; a restart pays it once, then meets every language.
    const mixed: Cost[][][] = [];
    for (let r = 0; r < rounds; r++) mixed.push(await restart(all, cacheDir, warm));
    const first = median(mixed.map((x) => total(x[0])));
    const warmRound = median(mixed.flatMap((x) => x.slice(1).map(total)));
    console.log(
      `A restart whose new child then meets every language once (${all.map((c) => c.language).join(', ')}, in turn): ${fmt(first, 0)} ms of CPU against ${fmt(warmRound, 0)} ms for the same four submissions warm, ${fmt(first - warmRound, 0)} ms more (the worker process's own start is not included).`,
    );
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench:restart: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
