import { Language } from '@app/domain';
import { LANGUAGES } from '@app/sandbox';
import { fromSandboxLanguage, toSandboxLanguage } from './language-bridge';

describe('language bridge', () => {
  it('maps every platform language to a judge language and back', () => {
    for (const l of Object.values(Language)) {
      const s = toSandboxLanguage(l);
      expect(LANGUAGES).toContain(s);
      expect(fromSandboxLanguage(s)).toBe(l);
    }
  });

  it('the platform and the judge know the same set of languages', () => {
    expect(new Set(Object.values(Language).map(toSandboxLanguage))).toEqual(new Set(LANGUAGES));
    expect(Object.values(Language)).toHaveLength(LANGUAGES.length);
  });

  it('an unknown name maps to nothing', () => {
    expect(fromSandboxLanguage('ruby')).toBeNull();
    expect(fromSandboxLanguage('PYTHON')).toBeNull();
  });
});
