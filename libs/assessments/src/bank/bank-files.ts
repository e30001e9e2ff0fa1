import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { projectPath } from '@app/common';
import type { ReferenceLanguage, ReferenceSolution, WrongSolutionRecord } from '@app/domain';
import { wrongSolutionSchema } from '@app/contracts';

/** The seeded problem bank: libs/assessments/data/problems/<slug>.json. */
export const BANK_DIR = projectPath('libs/assessments/data/problems');

export interface BankEntry {
  file: string;
  definition: Record<string, unknown>;
  referenceSolutions: ReferenceSolution[];
  /** The file's own `wrongSolutions` and those of `wrong/<slug>.<label>.<ext>` beside it. */
  wrongSolutions: WrongSolutionRecord[];
  difficulty: string;
  tags: string[];
  practice: boolean;
}

// A bank file is a judge problem document plus the bank's own keys; the judge schema checks the rest.
const bankKeys = z.object({
  referenceSolutions: z
    .array(z.object({ language: z.enum(['javascript', 'typescript', 'python', 'sql']), source: z.string().min(1) }))
    .min(1),
  difficulty: z.string().max(50).default('General'),
  tags: z.array(z.string().max(40)).max(20).default([]),
  practice: z.boolean().default(false),
  wrongSolutions: z.array(wrongSolutionSchema).optional(),
});

const EXTENSIONS: Readonly<Record<string, ReferenceLanguage>> = { js: 'javascript', ts: 'typescript', py: 'python', sql: 'sql' };

/** The known-wrong solution files of `slug` in `dir/wrong` (`<slug>.<label>.<ext>`), sorted by file name. */
export function wrongSolutionFilesOf(slug: string, dir = BANK_DIR): WrongSolutionRecord[] {
  const wrongDir = path.join(dir, 'wrong');
  if (!fs.existsSync(wrongDir)) return [];
  return fs
    .readdirSync(wrongDir)
    .sort()
    .flatMap((f) => {
      const [s, label, ext, ...rest] = f.split('.');
      const language = EXTENSIONS[ext];
      if (s !== slug || !label || !language || rest.length) return [];
      return [{ label, language, source: fs.readFileSync(path.join(wrongDir, f), 'utf8') }];
    });
}

export function parseBankFile(file: string, text: string): BankEntry {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  // wrongSolutions are validation's (bank-validation.ts), not the stored judge document's.
  const { referenceSolutions, difficulty, tags, practice, wrongSolutions, ...definition } = doc;
  const parsed = bankKeys.safeParse({ referenceSolutions, difficulty, tags, practice, wrongSolutions });
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const slug = typeof definition.slug === 'string' ? definition.slug : '';
  const files = slug ? wrongSolutionFilesOf(slug, path.dirname(file)) : [];
  return { file, definition, ...parsed.data, wrongSolutions: [...(parsed.data.wrongSolutions ?? []), ...files] };
}

export function loadBankDir(dir = BANK_DIR): BankEntry[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseBankFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
}
