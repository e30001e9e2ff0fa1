import type { ApplicantProfile, MatchedSkill, SkillsMatch, StoredTestResult, SubmissionEntity } from '@app/domain';

/** What staff read as the name of an erased candidate, everywhere a name is shown. */
export const ERASED_NAME = 'Erased candidate';

/** The fixed phrase a candidate may type to confirm an erasure, instead of their email. */
export const ERASE_PHRASE = 'erase my account';

/**
 * The email an erased account keeps: unique (the column is), and unroutable (`.invalid` is
 * reserved by RFC 2606), so nothing is ever sent to it and nobody can sign up with it.
 */
export const erasedEmail = (accountId: string): string => `erased-${accountId}@erased.invalid`;

/**
 * Not an argon2 hash: argon2 refuses to verify against it, so no password ever matches again.
 * (verifyPassword answers false for a malformed hash.)
 */
export const ERASED_PASSWORD_HASH = '!erased';

/** The profile staff see after an erasure: no name, no email, no education details, links or skills. */
export function erasedProfile(p: ApplicantProfile): ApplicantProfile {
  // The education status (ENROLLED, GRADUATED...) stays: a coarse category the schema requires, which identifies nobody.
  return { name: ERASED_NAME, email: '', education: { degree: '', field: '', status: p.education.status, institution: null }, links: [], skills: [] };
}

/** The skills match keeps its weights, levels and score (the shortlist ranks on them); the candidate's own wording goes. */
export function erasedSkillsMatch(m: SkillsMatch): SkillsMatch {
  const matched = (m.matched ?? []).map((s: MatchedSkill) => ({ ...s, matchedAs: s.name }));
  return { ...m, matched };
}

/**
 * A test result keeps what counts (name, category, kind, size, status, times, weight); what the
 * candidate's code produced (its return value, output and error message) goes with the code.
 */
export function erasedTestResult(t: StoredTestResult): StoredTestResult {
  const rest: StoredTestResult = { ...t };
  delete rest.actual;
  delete rest.output;
  delete rest.message;
  return rest;
}

/** The columns of a submission an erasure rewrites; verdict, score, passed and total stay. */
export function erasedSubmission(
  s: Pick<SubmissionEntity, 'compileError' | 'results'>,
): Pick<SubmissionEntity, 'source' | 'compileError' | 'results'> & { customInput: null; warnings: null; idempotencyKey: null } {
  return {
    source: '',
    customInput: null,
    warnings: null,
    idempotencyKey: null,
    // The line stays (where it failed); the message may quote the code.
    compileError: s.compileError ? { message: 'erased', line: s.compileError.line, column: s.compileError.column } : null,
    results: s.results ? s.results.map(erasedTestResult) : null,
  };
}
