import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { projectPath } from '@app/common';
import type { ReferenceSolution } from '@app/domain';

/** The seeded problem bank: libs/assessments/data/problems/<slug>.json. */
export const BANK_DIR = projectPath('libs/assessments/data/problems');

export interface BankEntry {
  file: string;
  definition: Record<string, unknown>;
  referenceSolutions: ReferenceSolution[];
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
});

export function parseBankFile(file: string, text: string): BankEntry {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  // wrongSolutions are validation's (bank-validation.ts), not the stored judge document's.
  const { referenceSolutions, difficulty, tags, practice, wrongSolutions: _wrong, ...definition } = doc;
  const parsed = bankKeys.safeParse({ referenceSolutions, difficulty, tags, practice });
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { file, definition, ...parsed.data };
}

export function loadBankDir(dir = BANK_DIR): BankEntry[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseBankFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
}
