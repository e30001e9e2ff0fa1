import type { JobContent } from '@app/domain';

/**
 * What a recruiter should fix before (or soon after) publishing; publishing is not blocked.
 * The language check (language-check.ts) is reported apart, with its own fields.
 */
export function publishingWarnings(content: Pick<JobContent, 'payRange'>): string[] {
  const warnings: string[] = [];
  if (!content.payRange) {
    warnings.push(
      'No pay range: set payRange (min, max, currency, period). Postings with pay get more applicants, and several jurisdictions require it (e.g. Colorado, New York City, the EU Pay Transparency Directive).',
    );
  }
  return warnings;
}
