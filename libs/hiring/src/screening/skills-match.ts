import type { ApplicantSkill, HardSkill, MatchedSkill, MissingSkill, SkillsMatch } from '@app/domain';
import { normalizeSkill } from '../content/job-content.schema';

export const MAX_SKILL_LEVEL = 5;

/**
 * How well a candidate's self-rated skills cover a job's hard skills. The job's skills form
 * units: a skill on its own, or an any-of group (skills sharing an `anyOf` label, e.g. one
 * backend language of Python | Java | Node.js). A unit weighs its skill's weight (a group: its
 * highest member weight) and earns weight × level / 5 for the best level the candidate lists
 * in it (by name or alias, ignoring case, spaces and punctuation); the score is the earned share
 * of all units' weight. Knowing three alternatives earns no more than knowing the best one.
 */
export function matchSkills(hardSkills: readonly HardSkill[], skills: readonly ApplicantSkill[]): SkillsMatch {
  const byNorm = new Map<string, ApplicantSkill>();
  for (const s of skills) {
    const norm = normalizeSkill(s.name);
    const prev = byNorm.get(norm);
    if (norm && (!prev || s.level > prev.level)) byNorm.set(norm, s);
  }
  // Units in the job's order: a group sits where its first member is.
  const units: HardSkill[][] = [];
  const groupIndex = new Map<string, number>();
  for (const h of hardSkills) {
    const label = h.anyOf ? normalizeSkill(h.anyOf) : '';
    if (label && groupIndex.has(label)) units[groupIndex.get(label)!].push(h);
    else {
      if (label) groupIndex.set(label, units.length);
      units.push([h]);
    }
  }
  const matched: MatchedSkill[] = [];
  const missing: MissingSkill[] = [];
  let earned = 0;
  let total = 0;
  for (const unit of units) {
    const weight = Math.max(...unit.map((h) => h.weight));
    const anyOf = unit[0].anyOf ?? null;
    total += weight;
    let best: { h: HardSkill; s: ApplicantSkill } | undefined;
    for (const h of unit) {
      for (const spelling of [h.name, ...h.aliases]) {
        const s = byNorm.get(normalizeSkill(spelling));
        if (s && (!best || s.level > best.s.level)) best = { h, s };
      }
    }
    if (best) {
      const level = Math.min(MAX_SKILL_LEVEL, Math.max(1, Math.round(best.s.level)));
      earned += (weight * level) / MAX_SKILL_LEVEL;
      matched.push({ group: best.h.group, name: best.h.name, weight, level, matchedAs: best.s.name, anyOf });
    } else {
      missing.push({ group: unit[0].group, name: unit.map((h) => h.name).join(' | '), weight, anyOf });
    }
  }
  return { score: total > 0 ? Math.round((earned / total) * 10_000) / 10_000 : 0, matched, missing };
}
