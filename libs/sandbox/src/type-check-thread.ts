import { parentPort, workerData } from 'node:worker_threads';
// First: TypeScript's 9 MB compile from the cache of the threads before this one, if any.
import { enableCompileCache, saveCompileCache } from './compile-cache';
enableCompileCache((workerData as { cacheDir?: string | null } | undefined)?.cacheDir);
import * as ts from 'typescript';
import { parseTypeScript, useTypeScript, type TypeScriptSyntax } from './compile';

useTypeScript(ts);

/*
 * A type-check thread (see type-checker.ts). It reads nothing but the lib .d.ts files and the
 * source it is sent, and runs no candidate code: the TypeScript checker only reasons about it.
 */

/** `syntax`: answer the syntax first (a `syntax` reply), then the type check; none after a syntax error. */
export type CheckRequest = { id: number; source: string; syntax?: boolean };
export type CheckReply =
  | { t: 'ready' }
  | ({ t: 'syntax'; id: number } & TypeScriptSyntax)
  | { t: 'done'; id: number; warnings: string[] }
  | { t: 'failed'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('type-check-thread runs as a worker thread');

let queue = Promise.resolve();
port.on('message', (req: CheckRequest) => {
  queue = queue.then(async () => {
    try {
      // One parse for both answers.
      const parsed = await parseTypeScript(req.source);
      if (req.syntax) port.postMessage({ t: 'syntax', id: req.id, ...parsed.syntax } satisfies CheckReply);
      port.postMessage({ t: 'done', id: req.id, warnings: parsed.typeWarnings() } satisfies CheckReply);
    } catch (e) {
      port.postMessage({ t: 'failed', id: req.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies CheckReply);
    }
  });
});

// Loading TypeScript and parsing the lib files is most of a first check's cost: pay it before
// any budget is running.
parseTypeScript('const warm: number = 1;')
  .then((parsed) => parsed.typeWarnings())
  .catch(() => undefined)
  .finally(() => {
    port.postMessage({ t: 'ready' } satisfies CheckReply);
    saveCompileCache();
  });
