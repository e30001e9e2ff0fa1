/**
 * `npm run bench:integrity`: code similarity of one problem's submissions, 100, 500 and 1,000
 * files, measured two ways in the same run, alternating:
 *   platform: SimilarityRunner.run, as the worker runs an analysis (a child process of its own,
 *     the starter as ignored template, pairs at the threshold, at most 20 per file, with fragments);
 *   baseline: Dolos's library API as its CLI drives it (analyzePaths over the same files on disk,
 *     every pair's similarity), in a process of its own (the CLI package is not on the registry).
 * Time: wall time of the analysis inside each process (not the process start); memory: the
 * process's peak resident set (VmHWM), parsers and Node included. Medians over --runs (default 3).
 * The submissions are generated from the labelled set's two-sum solutions (JavaScript) with
 * seeded renames, comments, dead code and reordered helpers, so most pairs are not copies.
 * Options: --sizes 100,500,1000  --runs 3
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLabelledSet, SIMILARITY_THRESHOLD, SimilarityRunner } from '@app/integrity';
import { fmt, median } from './stats';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '100,500,1000').split(',').map(Number);
const runs = Number(arg('runs', '3'));

/** A small seeded generator (mulberry32), so every run compares the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['alpha', 'beta', 'count', 'item', 'value', 'index', 'store', 'cache', 'probe', 'entry', 'slot', 'pos', 'left', 'right', 'acc', 'tmp'];

function variants(n: number): string[] {
  const group = loadLabelledSet().find((g) => g.problem === 'two-sum' && g.language === 'javascript')!;
  const bases = group.files.map((f) => f.source);
  const random = rng(20261130);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let src = bases[i % bases.length];
    // Rename a few identifiers consistently, add a comment, a helper and dead code in varying places.
    for (const id of ['seen', 'need', 'order', 'best', 'pair', 'lo', 'hi', 'sum', 'positions', 'complement']) {
      if (random() < 0.6) src = src.replace(new RegExp(`\\b${id}\\b`, 'g'), `${pick(WORDS)}${i}`);
    }
    const helper = `function helper${i}(${pick(WORDS)}) {\n  return ${pick(WORDS)}${i} + ${Math.floor(random() * 100)};\n}\n`;
    const lines = src.split('\n');
    lines.splice(1 + Math.floor(random() * (lines.length - 2)), 0, `  // ${pick(WORDS)} ${pick(WORDS)} ${i}`);
    if (random() < 0.5) lines.splice(1, 0, `  let ${pick(WORDS)}Unused${i} = ${i};`);
    out.push(random() < 0.5 ? `${helper}\n${lines.join('\n')}` : `${lines.join('\n')}\n${helper}`);
  }
  return out;
}

function baseline(dir: string): { ms: number; peakRssBytes: number; pairs: number; above: number } {
  const child = path.join(__dirname, 'dolos-baseline-child.js');
  const r = spawnSync(process.execPath, [child, dir, 'javascript', String(SIMILARITY_THRESHOLD)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as { ms: number; peakRssBytes: number; pairs: number; above: number };
}

async function main(): Promise<void> {
  const runner = new SimilarityRunner({ maxHeapMb: 4096, timeoutMs: 30 * 60_000 });
  const template = loadLabelledSet().find((g) => g.problem === 'two-sum' && g.language === 'javascript')!.template;
  const mb = (b: number) => b / 1024 / 1024;
  console.log(`similarity benchmark: ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; medians of ${runs} runs; threshold ${SIMILARITY_THRESHOLD}`);
  console.log('| files | pairs | platform ms | baseline ms | platform/baseline | platform peak MB | baseline peak MB | pairs >= threshold (baseline) | pairs kept with fragments (platform, at most 20 per file) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const sources = variants(n);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hp-sim-bench-${n}-`));
    sources.forEach((s, i) => fs.writeFileSync(path.join(dir, `s${String(i).padStart(5, '0')}.js`), s));
    const files = sources.map((source, i) => ({ key: `s${i}`, source }));
    const ours: { ms: number; mb: number; above: number }[] = [];
    const theirs: { ms: number; mb: number; above: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const run = await runner.run({ language: 'javascript', files, template, threshold: SIMILARITY_THRESHOLD });
      ours.push({ ms: run.analysisMs, mb: mb(run.peakRssBytes), above: run.output.pairs.length });
      const b = baseline(dir);
      theirs.push({ ms: b.ms, mb: mb(b.peakRssBytes), above: b.above });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const [oms, bms] = [median(ours.map((o) => o.ms)), median(theirs.map((t) => t.ms))];
    console.log(
      `| ${n} | ${(n * (n - 1)) / 2} | ${fmt(oms, 0)} | ${fmt(bms, 0)} | ${fmt(oms / bms, 2)}x | ${fmt(median(ours.map((o) => o.mb)), 0)} | ${fmt(median(theirs.map((t) => t.mb)), 0)} | ${theirs[0].above} | ${ours[0].above} |`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
