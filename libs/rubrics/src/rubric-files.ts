import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectPath } from '@app/common';
import type { RubricContent } from '@app/domain';
import { toProblems } from '@app/hiring';
import { asRubricContent, rubricFileSchema } from './rubric-content.schema';

export interface RubricFile {
  /** File name without .json: the seeded rubric's stable key. */
  key: string;
  name: string;
  description: string;
  content: RubricContent;
}

/** A rubric file that cannot be loaded: the message names the file and every bad field. */
export class RubricFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`Invalid rubric ${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'RubricFileError';
  }
}

/** libs/rubrics/data/rubrics, read from beside the sources in a build too (the build compiles code only). */
export function defaultRubricsDir(): string {
  return projectPath('libs/rubrics/data/rubrics');
}

const KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Parses and validates one rubric document. `file` only names it in errors. */
export function parseRubricFile(file: string, text: string): RubricFile {
  const key = path.basename(file, '.json');
  if (!KEY.test(key))
    throw new RubricFileError(file, [{ field: '(file name)', message: 'must be lower-case letters, digits and dashes, ending in .json' }]);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new RubricFileError(file, [{ field: '(document)', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const r = rubricFileSchema.safeParse(doc);
  if (!r.success) throw new RubricFileError(file, toProblems(r.error));
  const { name, description, ...content } = r.data;
  return { key, name, description, content: asRubricContent(content) };
}

/** Every *.json rubric of a folder, sorted by key. Throws on the first invalid file. */
export function loadRubricFiles(dir = defaultRubricsDir()): RubricFile[] {
  if (!fs.existsSync(dir)) throw new Error(`Rubrics folder ${dir} does not exist`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseRubricFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
}
