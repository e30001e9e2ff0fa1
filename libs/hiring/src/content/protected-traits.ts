import * as fs from 'node:fs';
import { projectPath } from '@app/common';
import { compilePattern, findWords, WordPattern } from './word-match';

/**
 * Protected and proxy traits a knock-out may not screen on (age, graduation year, gender,
 * religion, nationality beyond work authorization, native language, family status, pregnancy,
 * disability, a photo...). The list is data with its sources:
 * libs/hiring/data/protected-traits.json.
 */

export interface ProtectedTraitHit {
  trait: string;
  /** As written, lower-cased. */
  word: string;
  source: string;
}

interface TraitsData {
  sources: Record<string, string>;
  traits: { trait: string; source: string; patterns: string[] }[];
}

let patterns: WordPattern<{ trait: string; source: string }>[] | undefined;

function load(): WordPattern<{ trait: string; source: string }>[] {
  if (!patterns) {
    const data = JSON.parse(fs.readFileSync(projectPath('libs/hiring/data/protected-traits.json'), 'utf8')) as TraitsData;
    patterns = data.traits.flatMap((t) => t.patterns.map((p) => compilePattern(p, { trait: t.trait, source: data.sources[t.source] ?? t.source })));
  }
  return patterns;
}

/** The protected traits a text mentions, in order. */
export function protectedTraitsIn(text: string): ProtectedTraitHit[] {
  return findWords(text, load()).map(({ word, value }) => ({ word, ...value }));
}
