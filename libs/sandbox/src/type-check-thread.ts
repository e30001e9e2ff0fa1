import { parentPort } from 'node:worker_threads';
import * as ts from 'typescript';
import { typeCheckSource, useTypeScript } from './compile';

useTypeScript(ts);

/*
 * A type-check thread (see type-checker.ts). It reads nothing but the lib .d.ts files and the
 * source it is sent, and runs no candidate code: the TypeScript checker only reasons about it.
 */

export type CheckRequest = { id: number; source: string };
export type CheckReply = { t: 'ready' } | { t: 'done'; id: number; warnings: string[] } | { t: 'failed'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('type-check-thread runs as a worker thread');

let queue = Promise.resolve();
port.on('message', (req: CheckRequest) => {
  queue = queue.then(async () => {
    try {
      port.postMessage({ t: 'done', id: req.id, warnings: await typeCheckSource(req.source) } satisfies CheckReply);
    } catch (e) {
      port.postMessage({ t: 'failed', id: req.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies CheckReply);
    }
  });
});

// Loading TypeScript and parsing the lib files is most of a first check's cost: pay it before
// any budget is running.
typeCheckSource('const warm: number = 1;')
  .catch(() => undefined)
  .finally(() => port.postMessage({ t: 'ready' } satisfies CheckReply));
