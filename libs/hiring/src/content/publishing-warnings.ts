import type { JobContent } from '@app/domain';

/**
 * What a recruiter should fix before (or soon after) publishing; publishing is not blocked.
 * The language check (language-check.ts) is reported apart, with its own fields.
 */
export function publishingWarnings(content: Pick<JobContent, 'payRange' | 'workplace'>): string[] {
  const warnings: string[] = [];
  if (!content.payRange) {
    warnings.push(
      'No pay range: set payRange (min, max, currency, period). Postings with pay get more applicants, and several jurisdictions require it (e.g. Colorado, New York City, the EU Pay Transparency Directive).',
    );
  }
  if (!content.workplace) {
    warnings.push(
      'No country of employment: set workplace (country, and remoteCountries a remote hire may work from). The work-authorization question names it; without it candidates must guess which country it means.',
    );
  }
  return warnings;
}

const COUNTRY_OF_EMPLOYMENT = /the country of employment/i;

/** A country's English name from its ISO 3166-1 alpha-2 code (the code itself if unknown). */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A screening prompt as candidates read it: "the country of employment" names the job's country
 * (and the remote countries, if any), e.g. "Are you authorized to work in Germany (the country of
 * employment)?". Stored prompts stay generic so a template fits every job.
 */
export function promptFor(prompt: string, workplace: JobContent['workplace']): string {
  if (!workplace || !COUNTRY_OF_EMPLOYMENT.test(prompt)) return prompt;
  const remote = workplace.remoteCountries.filter((c) => c !== workplace.country);
  const where = remote.length
    ? `${countryName(workplace.country)} or, remotely, ${remote.map(countryName).join(', ')} (the country of employment)`
    : `${countryName(workplace.country)} (the country of employment)`;
  return prompt.replace(COUNTRY_OF_EMPLOYMENT, where);
}
