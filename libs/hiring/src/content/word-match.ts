/**
 * Matching word lists against text, shared by the language check and the protected-trait rule:
 * patterns are whole words or phrases, case-insensitive; a trailing * on a word matches any word
 * starting with it ("compet*" ~ "competitive"). A hyphenated compound ("well-connected") is also
 * read by its parts, but a pattern that matches the whole word wins.
 */

export interface WordPattern<T> {
  parts: { text: string; prefix: boolean }[];
  value: T;
}

export function compilePattern<T>(pattern: string, value: T): WordPattern<T> {
  return {
    value,
    parts: pattern
      .toLowerCase()
      .split(/\s+/)
      .map((p) => (p.endsWith('*') ? { text: p.slice(0, -1), prefix: true } : { text: p, prefix: false })),
  };
}

/** Words with their inner hyphens, apostrophes and slashes ("self-confident", "he/she"). */
const TOKEN = /[\p{L}\p{N}]+(?:['/-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return (text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").match(TOKEN) ?? []).map((t) => t.toLowerCase());
}

function partMatches(part: { text: string; prefix: boolean }, token: string): boolean {
  return part.prefix ? token.startsWith(part.text) : token === part.text;
}

/** Matches of one text, left to right; each word is claimed by the longest pattern starting there. */
export function findWords<T>(text: string, patterns: readonly WordPattern<T>[]): { word: string; value: T }[] {
  const toks = words(text);
  const found: { word: string; value: T }[] = [];
  for (let i = 0; i < toks.length; ) {
    let best: WordPattern<T> | undefined;
    let bestRank = 0;
    for (const c of patterns) {
      if (i + c.parts.length > toks.length) continue;
      const whole = c.parts.every((p, k) => partMatches(p, toks[i + k]));
      const inPart = !whole && c.parts.length === 1 && toks[i].split('-').some((s) => partMatches(c.parts[0], s));
      const rank = whole ? 2 * c.parts.length + 1 : inPart ? 2 : 0;
      if (rank > bestRank) [best, bestRank] = [c, rank];
    }
    if (best) {
      found.push({ word: toks.slice(i, i + best.parts.length).join(' '), value: best.value });
      i += best.parts.length;
    } else i += 1;
  }
  return found;
}
