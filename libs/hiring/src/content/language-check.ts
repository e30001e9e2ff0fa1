import * as fs from 'node:fs';
import { projectPath } from '@app/common';
import type { JobContent } from '@app/domain';
import { compilePattern, findWords, WordPattern } from './word-match';

/**
 * The inclusive-language check of a job posting: words that make a posting read as meant for
 * some people and not others (gender-coded, age-coded, ableist, exclusionary, hype jargon).
 * The word lists are data with their sources (libs/hiring/data/inclusive-language.json); this
 * file only matches them. Advice, never a gate: publishing is not blocked.
 *
 * Feminine-coded words are not warnings (Gaucher et al. found they do not deter men); they are
 * counted so the posting's balance is visible, as Gender Decoder reports it.
 */

export type LanguageCategory = 'masculine-coded' | 'feminine-coded' | 'age-coded' | 'ableist' | 'exclusionary' | 'jargon';

export interface LanguageTerm {
  pattern: string;
  category: LanguageCategory;
  suggestion: string | null;
  source: string;
}

export interface LanguageWarning {
  /** Where it was found: "about", "responsibilities[2]", "screeningQuestions[0].prompt". */
  field: string;
  /** As written in the posting. */
  word: string;
  /** The list entry it matched, e.g. "compet*". */
  term: string;
  category: LanguageCategory;
  why: string;
  suggestion: string | null;
  /** Citation of the list the entry comes from. */
  source: string;
}

export interface LanguageCheck {
  warnings: LanguageWarning[];
  masculineCoded: number;
  feminineCoded: number;
  /** One sentence a recruiter can act on. */
  summary: string;
}

interface LanguageData {
  sources: Record<string, string>;
  categories: Record<LanguageCategory, string>;
  terms: LanguageTerm[];
}

let cached: { data: LanguageData; patterns: WordPattern<LanguageTerm>[] } | undefined;

function load(): { data: LanguageData; patterns: WordPattern<LanguageTerm>[] } {
  if (!cached) {
    const data = JSON.parse(fs.readFileSync(projectPath('libs/hiring/data/inclusive-language.json'), 'utf8')) as LanguageData;
    cached = { data, patterns: data.terms.map((t) => compilePattern(t.pattern, t)) };
  }
  return cached;
}

/** The fields a candidate reads, with the names the warnings use. */
function postingFields(content: Partial<JobContent>): [string, string][] {
  const out: [string, string][] = [];
  if (content.title) out.push(['title', content.title]);
  if (content.about) out.push(['about', content.about]);
  for (const key of ['responsibilities', 'qualifications', 'prerequisites', 'softSkills', 'perks'] as const) {
    (content[key] ?? []).forEach((text, i) => out.push([`${key}[${i}]`, text]));
  }
  (content.screeningQuestions ?? []).forEach((q, i) => {
    out.push([`screeningQuestions[${i}].prompt`, q.prompt]);
    q.options.forEach((o, j) => out.push([`screeningQuestions[${i}].options[${j}]`, o]));
  });
  return out;
}

export function checkJobLanguage(content: Partial<JobContent>): LanguageCheck {
  const { data, patterns } = load();
  const warnings: LanguageWarning[] = [];
  let masculineCoded = 0;
  let feminineCoded = 0;
  for (const [field, text] of postingFields(content)) {
    for (const { word, value: term } of findWords(text, patterns)) {
      if (term.category === 'feminine-coded') {
        feminineCoded++;
        continue;
      }
      if (term.category === 'masculine-coded') masculineCoded++;
      warnings.push({
        field,
        word,
        term: term.pattern,
        category: term.category,
        why: data.categories[term.category],
        suggestion: term.suggestion,
        source: data.sources[term.source] ?? term.source,
      });
    }
  }
  return { warnings, masculineCoded, feminineCoded, summary: summarize(warnings, masculineCoded, feminineCoded) };
}

function summarize(warnings: LanguageWarning[], masculine: number, feminine: number): string {
  const other = warnings.filter((w) => w.category !== 'masculine-coded').length;
  const balance =
    masculine > feminine
      ? `leans masculine-coded (${masculine} masculine-coded vs ${feminine} feminine-coded words): consider the suggested alternatives`
      : masculine < feminine
        ? `leans feminine-coded (${feminine} vs ${masculine}), which research found does not deter applicants`
        : `is balanced in gender-coded words (${masculine} each)`;
  const rest = other === 0 ? 'no age-coded, ableist, exclusionary or jargon wording found' : `${other} other wording ${other === 1 ? 'warning' : 'warnings'} (age-coded, ableist, exclusionary or jargon) to review`;
  return `The posting ${balance}; ${rest}.`;
}
