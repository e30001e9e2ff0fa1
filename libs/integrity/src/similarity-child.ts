/**
 * The analysis child: one process per analysis, forked by SimilarityRunner. It takes one input over
 * IPC, answers with the pairs (or an error) and exits, so Dolos's memory (quadratic in the file
 * count) is returned to the system at once and a runaway analysis can be killed without touching
 * the worker's event loop or its BullMQ job locks. It also reports its own peak resident memory.
 */
import * as fs from 'node:fs';
import { analyzeSimilarity, SimilarityInput } from './similarity-analysis';

function peakRssBytes(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall back to the current value
  }
  return process.memoryUsage().rss;
}

process.once('message', (input: SimilarityInput) => {
  const started = performance.now();
  analyzeSimilarity(input).then(
    (output) => process.send?.({ ok: true, output, ms: performance.now() - started, peakRssBytes: peakRssBytes() }, () => process.exit(0)),
    (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? e.message : String(e) }, () => process.exit(0)),
  );
});
process.send?.({ ready: true });
