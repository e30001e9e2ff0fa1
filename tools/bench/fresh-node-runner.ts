/**
 * The least a "fresh Node process per submission" can cost, printed by `npm run bench:judge`
 * beside the target's baseline (fresh-isolate-runner.ts): each submission gets its own `node`
 * process and nothing else (no isolate, no limits, no harness; node:vm is not a security
 * boundary, so no platform could run candidates' code this way): start Node, read the problem
 * and the solution, define the solution once with node:vm in a fresh context, call it on each
 * test (JSON in, JSON out), compare, exit.
 * Usage: node fresh-node-runner.js PROBLEM.json SOLUTION.js (prints ACCEPTED or WRONG_ANSWER).
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';

const problem = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as { entryPoint: string; tests: Array<{ args: unknown[]; expected: unknown }> };
const context = vm.createContext({});
vm.runInContext(fs.readFileSync(process.argv[3], 'utf8'), context);
const entry = vm.runInContext(problem.entryPoint, context) as (...args: unknown[]) => unknown;
let ok = true;
for (const t of problem.tests) {
  const got = JSON.stringify(entry(...(JSON.parse(JSON.stringify(t.args)) as unknown[])));
  if (got !== JSON.stringify(t.expected)) ok = false;
}
process.stdout.write(ok ? 'ACCEPTED\n' : 'WRONG_ANSWER\n');
