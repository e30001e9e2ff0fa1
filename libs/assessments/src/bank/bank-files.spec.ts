import { loadProblem } from '@app/sandbox';
import { loadBankDir, parseBankFile } from './bank-files';

describe('problem bank files', () => {
  it('all load, and their definitions pass the judge schema once the bank keys are split off', () => {
    const entries = loadBankDir();
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const e of entries) {
      expect(() => loadProblem(e.definition)).not.toThrow();
      expect(e.definition).not.toHaveProperty('referenceSolutions');
      expect(e.referenceSolutions.length).toBeGreaterThan(0);
    }
  });

  it('names the file and the field of a bad entry', () => {
    expect(() => parseBankFile('x.json', JSON.stringify({ slug: 'x', referenceSolutions: [{ language: 'python', source: 'x' }] }))).toThrow(
      /^x\.json: referenceSolutions\.0\.language: /,
    );
    expect(() => parseBankFile('y.json', '{')).toThrow(/^y\.json: not valid JSON/);
  });
});
