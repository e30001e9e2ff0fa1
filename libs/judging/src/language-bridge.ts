import { Language } from '@app/domain';
import { LANGUAGES, ProblemLanguage } from '@app/sandbox';

/**
 * The one place the platform's Language enum meets the judge's language names. The record is
 * total over Language (the compiler refuses a missing one) and language-bridge.spec checks the
 * judge knows no language the platform lacks.
 */
const TO_SANDBOX: Readonly<Record<Language, ProblemLanguage>> = {
  [Language.JAVASCRIPT]: 'javascript',
  [Language.TYPESCRIPT]: 'typescript',
  [Language.PYTHON]: 'python',
  [Language.SQL]: 'sql',
};

const FROM_SANDBOX = new Map<string, Language>(Object.entries(TO_SANDBOX).map(([l, s]) => [s, l as Language]));

export function toSandboxLanguage(language: Language): ProblemLanguage {
  return TO_SANDBOX[language];
}

/** The platform language for a judge language name (e.g. a reference solution's); null if unknown. */
export function fromSandboxLanguage(name: string): Language | null {
  return FROM_SANDBOX.get(name) ?? null;
}

/** Every judge language name, in the judge's order. */
export const SANDBOX_LANGUAGES: readonly ProblemLanguage[] = LANGUAGES;
