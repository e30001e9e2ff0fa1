/**
 * One submission on the floor: a bare isolated-vm loop doing only what the sandbox must. A fresh
 * isolate per submission, the solution compiled once in it, a fresh context per test, the test's
 * arguments copied in as JSON text and the result copied out as JSON. The answers are compared
 * on the host with `equal`. It holds no limits beyond the isolate's memory and the calls' timeout,
 * and no harness.
 * Shared by the floor of `npm run bench:judge` (judge-engine.ts) and by its fresh-process baseline
 * (fresh-isolate-runner.ts). Without imports on purpose: the fresh process loads only isolated-vm
 * and this file.
 */
import type ivmModule from 'isolated-vm';

export interface FloorProblem {
  entryPoint: string;
  limits: { timeMs: number; memoryMb: number };
  tests: ReadonlyArray<{ name: string; expected: unknown }>;
}

/** Judges `source` on every test of `problem` (`argsJson[i]`: test i's arguments as JSON text): the name of the first test it answers wrongly, or null. */
export function floorSubmission(
  ivm: typeof ivmModule,
  problem: FloorProblem,
  source: string,
  argsJson: readonly string[],
  equal: (got: unknown, expected: unknown) => boolean,
): string | null {
  const call = `return JSON.stringify(${problem.entryPoint}(...JSON.parse($0)));`;
  const isolate = new ivm.Isolate({ memoryLimit: problem.limits.memoryMb });
  try {
    const script = isolate.compileScriptSync(source);
    for (const [i, test] of problem.tests.entries()) {
      const context = isolate.createContextSync();
      try {
        script.runSync(context, { timeout: problem.limits.timeMs });
        const json = context.evalClosureSync(call, [argsJson[i]], { arguments: { copy: true }, timeout: problem.limits.timeMs }) as string;
        if (!equal(JSON.parse(json), test.expected)) return test.name;
      } finally {
        context.release();
      }
    }
    return null;
  } finally {
    isolate.dispose();
  }
}
