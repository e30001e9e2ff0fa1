/**
 * One similarity analysis: a set of source files of one problem in one language, compared pairwise
 * by Dolos (winnowing over tree-sitter tokens, https://dolos.ugent.be). Plain TypeScript with no Nest
 * and no database, so the analysis child, the labelled-set spec and the benchmark run the same code.
 *
 * @dodona/dolos-lib is an ES module; this file is loaded with `require`, which Node 24 allows for
 * ES modules without top-level await. Analysis is synchronous and its memory grows with the square
 * of the file count: call it in the analysis child (similarity-runner.ts), never on a request path.
 */
import type { File as DolosFile, Fragment, Pair, Report } from '@dodona/dolos-lib';

/** The languages a submission can be analysed in; each maps to a Dolos tokenizer. */
export type SimilarityLanguage = 'javascript' | 'typescript' | 'python' | 'sql';

/**
 * Dolos language per platform language. The installed Dolos (3.5.1, @dodona/dolos-parsers 1.4.1)
 * ships a tree-sitter SQL grammar, so SQL is tokenized as code too, not as characters.
 */
export const DOLOS_LANGUAGE: Record<SimilarityLanguage, string> = {
  javascript: 'javascript',
  typescript: 'typescript',
  python: 'python',
  sql: 'sql',
};

/** A file to compare; `key` is opaque to the analysis (e.g. `sub:<id>` or `ref:<index>`). */
export interface SimilarityFile {
  key: string;
  source: string;
}

export interface SimilarityInput {
  language: SimilarityLanguage;
  files: SimilarityFile[];
  /** The problem's starter code: code shared with it is ignored (Dolos's ignored template). */
  template?: string | null;
  /** Keep pairs whose similarity is at least this (0-1). */
  threshold: number;
  /** Only pairs that involve at least one of these keys (default: every pair). */
  onlyKeys?: string[];
  /** Skip pairs whose keys both start with this prefix (e.g. two reference solutions: `ref:`). */
  skipPairsWithin?: string;
  /** Fragments kept per pair, longest first. */
  maxFragments?: number;
  /**
   * Pairs kept per file, most similar first (default 20): a cohort that shares one leaked solution
   * would otherwise store n²/2 pairs. A pair is kept while either of its files has room.
   */
  maxPairsPerFile?: number;
}

/** A 1-based inclusive line range. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface SimilarityFragment {
  left: LineRange;
  right: LineRange;
  /** Length in k-grams of tokens (Dolos's unit for "longest fragment"). */
  kgrams: number;
}

export interface SimilarityPairResult {
  left: string;
  right: string;
  /** Dolos similarity: shared k-grams over all k-grams of both files, 0-1. */
  similarity: number;
  /** Longest common fragment, in k-grams. */
  longestFragment: number;
  /** Fraction of each side's k-grams covered by shared ones. */
  leftCovered: number;
  rightCovered: number;
  fragments: SimilarityFragment[];
}

export interface SimilarityOutput {
  pairs: SimilarityPairResult[];
  files: number;
  /** Pairs Dolos compared (n(n-1)/2). */
  compared: number;
}

type DolosLib = typeof import('@dodona/dolos-lib');

let lib: DolosLib | undefined;
function dolos(): DolosLib {
  // Loaded on first use: the analysis child pays the parsers' load, nobody else.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require('@dodona/dolos-lib') as DolosLib;
  return lib;
}

const EXTENSION: Record<SimilarityLanguage, string> = { javascript: 'js', typescript: 'ts', python: 'py', sql: 'sql' };

/** Dolos regions count rows from 0; ours count lines from 1. */
function lines(region: { startRow: number; endRow: number }): LineRange {
  return { startLine: region.startRow + 1, endLine: region.endRow + 1 };
}

function fragmentsOf(pair: Pair, max: number): SimilarityFragment[] {
  const built: Fragment[] = pair.buildFragments();
  return built
    .map((f) => ({ left: lines(f.leftSelection), right: lines(f.rightSelection), kgrams: f.leftkgrams.to - f.leftkgrams.from }))
    .sort((a, b) => b.kgrams - a.kgrams || a.left.startLine - b.left.startLine)
    .slice(0, max);
}

export async function analyzeSimilarity(input: SimilarityInput): Promise<SimilarityOutput> {
  const { Dolos, File } = dolos();
  const ext = EXTENSION[input.language];
  const unique = new Set(input.files.map((f) => f.key));
  if (unique.size !== input.files.length) throw new Error('similarity: file keys must be unique');
  if (input.files.length < 2) return { pairs: [], files: input.files.length, compared: 0 };
  // Keys go into the path: Dolos reads nothing from disk for File objects.
  const files: DolosFile[] = input.files.map((f, i) => new File(`${i}.${ext}`, f.source));
  const template = input.template?.trim() ? new File(`template.${ext}`, input.template) : undefined;
  const analyzer = new Dolos({ language: DOLOS_LANGUAGE[input.language] });
  const report: Report = await analyzer.analyze(files, 'similarity', template);
  const keyOf = (path: string): string => input.files[Number(path.slice(0, path.indexOf('.')))].key;
  const only = input.onlyKeys ? new Set(input.onlyKeys) : undefined;
  const all = report.allPairs();
  const candidates = all
    .filter((pair) => pair.similarity >= input.threshold)
    .map((pair) => ({ pair, left: keyOf(pair.leftFile.path), right: keyOf(pair.rightFile.path) }))
    .filter(({ left, right }) => !only || only.has(left) || only.has(right))
    .filter(({ left, right }) => !(input.skipPairsWithin && left.startsWith(input.skipPairsWithin) && right.startsWith(input.skipPairsWithin)))
    .sort((a, b) => b.pair.similarity - a.pair.similarity);
  const room = new Map<string, number>();
  const perFile = input.maxPairsPerFile ?? 20;
  const pairs: SimilarityPairResult[] = [];
  for (const { pair, left: l, right: r } of candidates) {
    const [usedL, usedR] = [room.get(l) ?? 0, room.get(r) ?? 0];
    if (usedL >= perFile && usedR >= perFile) continue;
    room.set(l, usedL + 1);
    room.set(r, usedR + 1);
    let [left, right] = [l, r];
    // Fragments only for the pairs kept: building them is most of the cost past the index.
    let fragments = fragmentsOf(pair, input.maxFragments ?? 20);
    let [leftCovered, rightCovered] = [pair.leftCovered / Math.max(1, pair.leftTotal), pair.rightCovered / Math.max(1, pair.rightTotal)];
    // A stable orientation: references on the right, otherwise keys in order.
    if (left.startsWith('ref:') || (!right.startsWith('ref:') && left > right)) {
      [left, right] = [right, left];
      [leftCovered, rightCovered] = [rightCovered, leftCovered];
      fragments = fragments.map((f) => ({ left: f.right, right: f.left, kgrams: f.kgrams }));
    }
    pairs.push({ left, right, similarity: pair.similarity, longestFragment: pair.longest, leftCovered, rightCovered, fragments });
  }
  pairs.sort((a, b) => b.similarity - a.similarity || a.left.localeCompare(b.left) || a.right.localeCompare(b.right));
  return { pairs, files: input.files.length, compared: all.length };
}
