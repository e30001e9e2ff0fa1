/**
 * The benchmark's baseline, in a process of its own: Dolos's plain library API as its CLI drives it
 * (`new Dolos({ language }).analyzePaths(files)`, then every pair's similarity), over files on disk.
 * The CLI package itself (`@dodona/dolos`) is not on the npm registry these machines reach.
 * Prints one JSON line: { ms, peakRssBytes, pairs, above }.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const [dir, language, threshold] = process.argv.slice(2);

function peakRssBytes(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Dolos } = require('@dodona/dolos-lib') as typeof import('@dodona/dolos-lib');
  const files = fs.readdirSync(dir).filter((f) => f !== 'template').sort().map((f) => path.join(dir, f));
  const started = performance.now();
  const report = await new Dolos({ language }).analyzePaths(files);
  let above = 0;
  const pairs = report.allPairs();
  for (const p of pairs) if (p.similarity >= Number(threshold)) above++;
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, peakRssBytes: peakRssBytes(), pairs: pairs.length, above })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
