import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { HardSkill, ScreeningQuestion } from '@app/domain';
import { hardSkillSchema, screeningQuestionSchema } from '../content/job-content.schema';
import { loadTemplateFiles } from '../templates/template-files';
import { parseAnswers } from './answers';
import { screen } from './screening';
import { matchSkills } from './skills-match';

/**
 * Golden scenarios, one per file in ./scenarios: a job (the built-in template or inline
 * questions and skills), a candidate's raw answers and skills, and the exact expected outcome,
 * reasons, screening score and skills match.
 */
const scenarioSchema = z
  .object({
    description: z.string(),
    job: z.union([
      z.object({ template: z.string() }).strict(),
      z.object({ questions: z.array(screeningQuestionSchema), hardSkills: z.array(hardSkillSchema), screeningThreshold: z.number() }).strict(),
    ]),
    answers: z.record(z.string(), z.string()),
    skills: z.array(z.object({ name: z.string(), level: z.number() })),
    expected: z
      .object({
        outcome: z.enum(['PASSED', 'REVIEW', 'REJECTED']),
        reasons: z.array(z.string()),
        screeningScore: z.number().nullable(),
        skillsMatch: z.object({
          score: z.number(),
          matched: z.array(z.object({ name: z.string(), matchedAs: z.string(), level: z.number() })),
          missing: z.array(z.string()).optional(),
        }),
      })
      .strict(),
  })
  .strict();

const dir = path.join(__dirname, 'scenarios');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const templates = new Map(loadTemplateFiles().map((t) => [t.key, t.content]));

function jobOf(s: z.infer<typeof scenarioSchema>): { questions: ScreeningQuestion[]; hardSkills: HardSkill[]; threshold: number } {
  if ('template' in s.job) {
    const t = templates.get(s.job.template);
    if (!t) throw new Error(`unknown template ${s.job.template}`);
    return { questions: t.screeningQuestions, hardSkills: t.hardSkills, threshold: t.screeningThreshold };
  }
  return { questions: s.job.questions, hardSkills: s.job.hardSkills, threshold: s.job.screeningThreshold };
}

describe('screening scenarios', () => {
  it('has scenarios to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s', (file) => {
    const s = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    const job = jobOf(s);
    const parsed = parseAnswers(
      job.questions,
      Object.entries(s.answers).map(([questionKey, value]) => ({ questionKey, value })),
    );
    if (!parsed.ok) throw new Error(`${file}: answers do not parse: ${JSON.stringify(parsed.problems)}`);

    const result = screen(job.questions, job.threshold, parsed.answers);
    expect({ outcome: result.outcome, reasons: result.reasons, screeningScore: result.score }).toEqual({
      outcome: s.expected.outcome,
      reasons: s.expected.reasons,
      screeningScore: s.expected.screeningScore,
    });

    const match = matchSkills(job.hardSkills, s.skills);
    expect(match.score).toBe(s.expected.skillsMatch.score);
    expect(match.matched.map((m) => ({ name: m.name, matchedAs: m.matchedAs, level: m.level }))).toEqual(s.expected.skillsMatch.matched);
    if (s.expected.skillsMatch.missing) expect(match.missing.map((m) => m.name)).toEqual(s.expected.skillsMatch.missing);
    // Every unit (a skill on its own or an any-of group) is either matched or missing, never both.
    const units = new Set(job.hardSkills.map((h) => (h.anyOf ? `anyOf:${h.anyOf.toLowerCase()}` : `skill:${h.name}`)));
    expect(match.matched.length + match.missing.length).toBe(units.size);
  });
});
