import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SimilarityInput, SimilarityOutput } from './similarity-analysis';

export interface SimilarityRunnerOptions {
  /** Old-generation heap of the child, in MB (V8's --max-old-space-size). */
  maxHeapMb: number;
  /** Wall time before the child is killed. */
  timeoutMs: number;
}

export interface SimilarityRun {
  output: SimilarityOutput;
  /** Time of the analysis inside the child (without the child's start). */
  analysisMs: number;
  /** The child's peak resident memory (VmHWM), parsers and Node included. */
  peakRssBytes: number;
}

type ChildMessage = { ready: true } | { ok: true; output: SimilarityOutput; ms: number; peakRssBytes: number } | { ok: false; error: string };

/** The compiled `.js` sibling in production (dist/); under Jest, where only the `.ts` exists, the source through sucrase. */
function childEntry(): { file: string; execArgv: string[] } {
  const js = path.join(__dirname, 'similarity-child.js');
  if (fs.existsSync(js)) return { file: js, execArgv: [] };
  const ts = path.join(__dirname, 'similarity-child.ts');
  if (fs.existsSync(ts)) return { file: ts, execArgv: ['--require', require.resolve('sucrase/register/ts')] };
  throw new Error(`similarity child entry not found next to ${__filename}`);
}

/**
 * Runs each analysis in a child process of its own (see similarity-child.ts): memory bounded by
 * the heap cap, time by the timeout, and nothing left behind in the caller.
 */
export class SimilarityRunner {
  constructor(private readonly options: SimilarityRunnerOptions) {}

  run(input: SimilarityInput): Promise<SimilarityRun> {
    const entry = childEntry();
    return new Promise<SimilarityRun>((resolve, reject) => {
      const child = fork(entry.file, [], {
        execArgv: [...entry.execArgv, `--max-old-space-size=${this.options.maxHeapMb}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      let settled = false;
      let stderr = '';
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(() => reject(new Error(`similarity analysis of ${input.files.length} files took over ${this.options.timeoutMs} ms; stopped`)));
      }, this.options.timeoutMs);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
      child.on('message', (msg: ChildMessage) => {
        if ('ready' in msg) {
          child.send(input);
        } else if (msg.ok) {
          finish(() => resolve({ output: msg.output, analysisMs: msg.ms, peakRssBytes: msg.peakRssBytes }));
        } else {
          finish(() => reject(new Error(`similarity analysis failed: ${msg.error}`)));
        }
      });
      child.on('error', (e) => finish(() => reject(e)));
      child.once('close', (code, signal) =>
        finish(() => reject(new Error(`similarity child exited (${signal ?? code}) before answering${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`))),
      );
    });
  }
}
