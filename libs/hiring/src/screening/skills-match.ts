import type { ApplicantSkill, HardSkill, MatchedSkill, MissingSkill, SkillsMatch } from '@app/domain';
import { normalizeSkill } from '../content/job-content.schema';

export const MAX_SKILL_LEVEL = 5;

/**
 * How well a candidate's self-rated skills cover a job's hard skills: each job skill the
 * candidate lists (by name or alias, ignoring case, spaces and punctuation) counts its weight
 * times level / 5; the score is that over the sum of all weights. Listed twice, the higher
 * level counts.
 */
export function matchSkills(hardSkills: readonly HardSkill[], skills: readonly ApplicantSkill[]): SkillsMatch {
  const byNorm = new Map<string, ApplicantSkill>();
  for (const s of skills) {
    const norm = normalizeSkill(s.name);
    const prev = byNorm.get(norm);
    if (norm && (!prev || s.level > prev.level)) byNorm.set(norm, s);
  }
  const matched: MatchedSkill[] = [];
  const missing: MissingSkill[] = [];
  let earned = 0;
  let total = 0;
  for (const h of hardSkills) {
    total += h.weight;
    let best: ApplicantSkill | undefined;
    for (const spelling of [h.name, ...h.aliases]) {
      const s = byNorm.get(normalizeSkill(spelling));
      if (s && (!best || s.level > best.level)) best = s;
    }
    if (best) {
      const level = Math.min(MAX_SKILL_LEVEL, Math.max(1, Math.round(best.level)));
      earned += (h.weight * level) / MAX_SKILL_LEVEL;
      matched.push({ group: h.group, name: h.name, weight: h.weight, level, matchedAs: best.name });
    } else {
      missing.push({ group: h.group, name: h.name, weight: h.weight });
    }
  }
  return { score: total > 0 ? Math.round((earned / total) * 10_000) / 10_000 : 0, matched, missing };
}
