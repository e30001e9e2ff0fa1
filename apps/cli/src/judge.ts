/**
 * `npm run --silent judge -- PROBLEM.json SOLUTION.js|.ts|.py|.sql [--language L]`: judges one solution with the same
 * engine as the worker, no database or Redis. Prints exactly one JSON document on stdout
 * (the candidate's own output only ever appears inside it), exits 0 when it judged whatever
 * the verdict, 2 with one line on stderr when the problem or the solution cannot be used.
 *
 * A bank file is judged as it is (difficulty, tags, referenceSolutions, wrongSolutions, practice
 * are the bank's and ignored here, except references): generated performance tests are made
 * from the generator, their answers from the first reference, and their CPU limits calibrated
 * on this machine from the reference in the solution's language (TypeScript and JavaScript
 * share one), as the validation does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  calibrate,
  CalibrationError,
  Judge,
  LANGUAGES as KNOWN_LANGUAGES,
  Language,
  languageError,
  loadBankDocument,
  materialize,
  MaterializeError,
  performanceIndices,
  Problem,
  ProblemValidationError,
  SolutionSource,
  sourceSizeError,
  withLimits,
} from '@app/sandbox';

const LANGUAGES: Readonly<Record<string, Language>> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.py': 'python',
  '.sql': 'sql',
};

/** Problems may carry large test data; nothing sane is bigger than this. */
const MAX_PROBLEM_BYTES = 256 * 1024 * 1024;
/** Read at most this much of a solution before measuring it against the problem's limit. */
const MAX_SOLUTION_READ_BYTES = 16 * 1024 * 1024;

class UsageError extends Error {}

function readText(file: string, what: string, maxBytes: number): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) throw new UsageError(`the ${what} ${file} is not a file`);
  if (stat.size > maxBytes) throw new UsageError(`the ${what} ${file} is ${stat.size} bytes, too large`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

interface Prepared {
  problem: Problem;
  language: Language;
  source: string;
  references: SolutionSource[];
}

export function prepare(problemPath: string, solutionPath: string, override?: string): Prepared {
  if (override !== undefined && !(KNOWN_LANGUAGES as readonly string[]).includes(override))
    throw new UsageError(`unknown language ${override}; use ${KNOWN_LANGUAGES.join(', ')}`);
  const language = (override as Language | undefined) ?? LANGUAGES[path.extname(solutionPath).toLowerCase()];
  if (!language) throw new UsageError(`the solution ${solutionPath} has an unknown extension; use .js, .ts, .py or .sql, or --language`);
  const { problem, referenceSolutions: references } = loadBankDocument(readText(problemPath, 'problem', MAX_PROBLEM_BYTES));
  if (problem.tests.some((t) => t.generate !== undefined) && !references.length)
    throw new UsageError(`${problemPath}: its generated tests need a reference solution ("referenceSolutions") for their expected answers`);
  const refused = languageError(problem, language);
  if (refused) throw new UsageError(`${problemPath}: ${refused.message}`);
  const source = readText(solutionPath, 'solution', MAX_SOLUTION_READ_BYTES);
  const tooBig = sourceSizeError(problem, source);
  if (tooBig) throw new UsageError(`the solution ${solutionPath}: ${tooBig.message}`);
  return { problem, language, source, references };
}

/** The problem as the worker would judge it: generated tests filled in, CPU limits calibrated for `language`. */
async function ready(judge: Judge, p: Prepared): Promise<Problem> {
  const problem = await materialize(judge, p.problem, p.references[0]);
  if (!performanceIndices(problem).length) return problem;
  const sibling = p.language === 'typescript' ? 'javascript' : p.language === 'javascript' ? 'typescript' : p.language;
  const ref = p.references.find((r) => r.language === p.language) ?? p.references.find((r) => r.language === sibling);
  if (!ref) return problem;
  return withLimits(problem, await calibrate(judge, problem, [{ ...ref, language: p.language }]), p.language);
}

export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const fail = (message: string): number => {
    err.write(`judge: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  const args = [...argv];
  let override: string | undefined;
  const at = args.findIndex((a) => a === '--language' || a.startsWith('--language='));
  if (at >= 0) {
    const [flag] = args.splice(at, 1);
    override = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.splice(at, 1)[0];
    if (!override) return fail('--language needs a value: javascript, typescript, python or sql');
  }
  if (args.length !== 2) return fail('usage: judge PROBLEM.json SOLUTION.js|.ts|.py|.sql [--language javascript|typescript|python|sql]');
  let prepared: Prepared;
  try {
    prepared = prepare(args[0], args[1], override);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    if (e instanceof ProblemValidationError) return fail(`${args[0]}: ${e.message}`);
    throw e;
  }
  // One submission: one sandbox child is all it needs.
  const judge = new Judge({ size: 1 });
  try {
    let problem: Problem;
    try {
      problem = await ready(judge, prepared);
    } catch (e) {
      if (e instanceof MaterializeError || e instanceof CalibrationError) return fail(`${args[0]}: ${e.message}`);
      throw e;
    }
    const result = await judge.judge({ ...prepared, problem });
    out.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await judge.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`judge: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
