/**
 * The labelled set behind the similarity threshold (libs/integrity/test-fixtures/similarity):
 * per bank problem and language, independent solutions written in different styles (a, b, c)
 * and disguised copies of some of them (`a.disguised.js`: renamed identifiers, reordered
 * statements, comments, dead code). A pair is a true copy when both files share their origin
 * letter. The bank's reference solution of each problem and language joins as one more
 * independent author. The spec asserts precision and recall at the threshold; `npm run bench:integrity --
 * --threshold-sweep` prints the whole curve.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectPath } from '@app/common';
import type { SimilarityLanguage } from './similarity-analysis';

export const LABELLED_SET_DIR = projectPath('libs/integrity/test-fixtures/similarity');
const BANK_DIR = projectPath('libs/assessments/data/problems');

const LANGUAGE_OF_EXT: Record<string, SimilarityLanguage> = { js: 'javascript', ts: 'typescript', py: 'python', sql: 'sql' };

export interface LabelledFile {
  /** `<problem>/<file name>` */
  key: string;
  origin: string;
  source: string;
}

export interface LabelledGroup {
  problem: string;
  language: SimilarityLanguage;
  template: string | null;
  files: LabelledFile[];
}

export function loadLabelledSet(dir = LABELLED_SET_DIR): LabelledGroup[] {
  const groups: LabelledGroup[] = [];
  for (const problem of fs.readdirSync(dir).sort()) {
    const bank = JSON.parse(fs.readFileSync(path.join(BANK_DIR, `${problem}.json`), 'utf8')) as {
      starters?: Record<string, string>;
      referenceSolutions: { language: string; source: string }[];
    };
    const byLanguage = new Map<SimilarityLanguage, LabelledFile[]>();
    for (const name of fs.readdirSync(path.join(dir, problem)).sort()) {
      const ext = name.slice(name.lastIndexOf('.') + 1);
      const language = LANGUAGE_OF_EXT[ext];
      if (!language) continue;
      const list = byLanguage.get(language) ?? [];
      list.push({ key: `${problem}/${name}`, origin: name.slice(0, name.indexOf('.')), source: fs.readFileSync(path.join(dir, problem, name), 'utf8') });
      byLanguage.set(language, list);
    }
    // The bank's own reference solutions join as one more independent author per language: a
    // candidate's honest solution often resembles them, and must not be flagged for it.
    for (const ref of bank.referenceSolutions) {
      const language = ref.language as SimilarityLanguage;
      if (!byLanguage.has(language)) continue;
      byLanguage.get(language)!.push({ key: `${problem}/reference.${language}`, origin: 'reference', source: ref.source });
    }
    for (const [language, files] of byLanguage) groups.push({ problem, language, template: bank.starters?.[language] ?? null, files });
  }
  return groups;
}

export interface ScoredPair {
  left: string;
  right: string;
  similarity: number;
  copy: boolean;
}

export interface Confusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
}

/** Precision and recall of "similarity >= threshold" against the labels. */
export function confusionAt(pairs: ScoredPair[], threshold: number): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    const flagged = p.similarity >= threshold;
    if (flagged && p.copy) tp++;
    else if (flagged) fp++;
    else if (p.copy) fn++;
    else tn++;
  }
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}
