import { projectPath } from '@app/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JobContent } from '@app/domain';
import { templateFileSchema, toProblems } from '../content/job-content.schema';

export interface TemplateFile {
  /** File name without .json: the template's stable key. */
  key: string;
  name: string;
  content: JobContent;
}

/** A template file that cannot be loaded: the message names the file and every bad field. */
export class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`Invalid job template ${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'TemplateFileError';
  }
}

/**
 * libs/hiring/data/templates, from the sources or from dist/ (the build compiles code only;
 * the data stays beside the sources, and the Docker image copies it to the same place).
 */
export function defaultTemplatesDir(): string {
  return projectPath('libs/hiring/data/templates');
}

const KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Parses and validates one template document. `file` only names it in errors. */
export function parseTemplate(file: string, text: string): TemplateFile {
  const key = path.basename(file, '.json');
  if (!KEY.test(key)) throw new TemplateFileError(file, [{ field: '(file name)', message: 'must be lower-case letters, digits and dashes, ending in .json' }]);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TemplateFileError(file, [{ field: '(document)', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const r = templateFileSchema.safeParse(doc);
  if (!r.success) throw new TemplateFileError(file, toProblems(r.error));
  const { name, ...content } = r.data;
  return { key, name, content };
}

/** Every *.json template of a folder, sorted by key. Throws on the first invalid file. */
export function loadTemplateFiles(dir = defaultTemplatesDir()): TemplateFile[] {
  if (!fs.existsSync(dir)) throw new Error(`Job templates folder ${dir} does not exist`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseTemplate(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
}
