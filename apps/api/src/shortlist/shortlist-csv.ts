import { problemOutcomeText, type ShortlistEntry } from '@app/shortlist';

const COLUMNS = [
  'rank',
  'application_id',
  'name',
  'email',
  'stage',
  'score',
  'confidence',
  'skills',
  'assessment',
  'interview',
  'missing',
  'red_flags',
  'demoted',
  'recommendations',
  'applied_at',
  'explanation',
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function shortlistCsv(entries: ShortlistEntry[]): string {
  const value = (e: ShortlistEntry, name: string) => e.components.find((c) => c.name === name)?.value ?? '';
  const rows = entries.map((e) =>
    [
      e.rank ?? '',
      e.applicationId,
      e.anonymized ? `Candidate ${e.applicationId.slice(0, 8)}` : e.name,
      e.email ?? '',
      e.stage,
      e.score ?? '',
      e.confidence,
      value(e, 'skills'),
      value(e, 'assessment'),
      value(e, 'interview'),
      e.missing.join(' '),
      e.redFlagCount,
      e.demoted ? 'yes' : 'no',
      e.recommendations.join(' '),
      e.appliedAt,
      // Correctness and performance per problem follow the arithmetic.
      e.assessmentProblems.length ? `${e.explanation}. Assessment by problem: ${e.assessmentProblems.map(problemOutcomeText).join('; ')}` : e.explanation,
    ]
      .map(csvCell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
