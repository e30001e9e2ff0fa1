import { loadProblem } from '@app/sandbox';
import { REFERENCE_LANGUAGES } from '../problem-document';
import { loadBankDir, parseBankFile } from './bank-files';

const entries = loadBankDir();

describe('problem bank files', () => {
  it('all load with their bank keys split off, Python and SQL references included', () => {
    expect(entries.length).toBeGreaterThanOrEqual(13);
    for (const e of entries) {
      expect(e.definition).not.toHaveProperty('referenceSolutions');
      expect(e.referenceSolutions.length).toBeGreaterThan(0);
    }
    const languages = new Set(entries.flatMap((e) => e.referenceSolutions.map((s) => s.language)));
    expect([...languages].sort()).toEqual(['javascript', 'python', 'sql', 'typescript']);
  });

  it('all pass the judge schema, with the languages each problem declares', () => {
    for (const e of entries) {
      const problem = loadProblem(e.definition);
      expect(problem.languages).toEqual(e.definition.mode === 'sql' ? ['sql'] : ['javascript', 'typescript', 'python']);
    }
  });

  it('gives every problem a validated reference in each language it offers, and none in another', () => {
    for (const e of entries) {
      const offered = loadProblem(e.definition).languages;
      const covered = new Set(e.referenceSolutions.map((s) => s.language));
      expect({ slug: e.definition.slug, covered: [...covered].sort() }).toEqual({ slug: e.definition.slug, covered: [...offered].sort() });
      expect(offered.every((l) => REFERENCE_LANGUAGES.includes(l))).toBe(true);
    }
  });

  it('names the file and the field of a bad entry', () => {
    expect(() => parseBankFile('x.json', JSON.stringify({ slug: 'x', referenceSolutions: [{ language: 'cobol', source: 'x' }] }))).toThrow(
      /^x\.json: referenceSolutions\.0\.language: /,
    );
    expect(() => parseBankFile('y.json', '{')).toThrow(/^y\.json: not valid JSON/);
  });
});
