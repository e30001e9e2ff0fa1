/**
 * The "fresh Node process per submission" baseline of issue 16's target in `npm run bench:judge`:
 * what judging costs when each submission gets its own `node` process that isolates the code as
 * the engine must: start Node (with --no-node-snapshot, which isolated-vm needs), load
 * isolated-vm, judge the submission on the floor (floor.ts: a fresh isolate, a fresh context per
 * test), compare, exit. The pool's warm children are the engine's alternative to this process.
 * Usage: node --no-node-snapshot fresh-isolate-runner.js PROBLEM.json SOLUTION.js (prints ACCEPTED
 * or WRONG_ANSWER).
 */
import * as fs from 'node:fs';
import ivm from 'isolated-vm';
import { floorSubmission, type FloorProblem } from './floor';

const problem = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Omit<FloorProblem, 'tests'> & {
  tests: Array<{ name: string; args: unknown[]; expected: unknown }>;
};
const source = fs.readFileSync(process.argv[3], 'utf8');
const wrong = floorSubmission(ivm, problem, source, problem.tests.map((t) => JSON.stringify(t.args)), (got, expected) => JSON.stringify(got) === JSON.stringify(expected));
process.stdout.write(wrong === null ? 'ACCEPTED\n' : 'WRONG_ANSWER\n');
