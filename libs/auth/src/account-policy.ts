import * as fs from 'node:fs';
import { FieldProblem, projectPath } from '@app/common';

/**
 * What an account's email, name and password must be. One definition used by sign-up, staff
 * creation, admin password resets and login, so the rules cannot drift apart.
 */

/**
 * The form an email is stored, compared and looked up in. NFKC folds compatibility look-alikes
 * (full-width `ａdmin@…`, ligatures, superscripts) onto their plain letters, so
 * `ａdmin@example.com` and `admin@example.com` are one account, not a look-alike pair.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

// C0/C1 controls, and every bidirectional control (LRE/RLE/PDF/LRO/RLO, the isolates, LRM/RLM/ALM):
// in a name shown to recruiters they reorder or hide what the reader sees.
const UNSAFE_IN_NAME = /[\p{Cc}\p{Bidi_Control}]/u;
const UNSAFE_IN_EMAIL = /[\p{Cc}\p{Bidi_Control}\s]/u;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Fewer distinct characters than this is a pattern, not a password (`aaaaaaaaaa`, `abababab…`). */
export const PASSWORD_MIN_DISTINCT = 5;

let common: Set<string> | undefined;
/** libs/auth/data/common-passwords.txt, read once (see the README beside it for its source). */
export function commonPasswords(): Set<string> {
  if (!common) {
    const text = fs.readFileSync(projectPath('libs/auth/data/common-passwords.txt'), 'utf8');
    common = new Set(text.split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
  }
  return common;
}

/** True when every character is the previous one plus (or minus) one: `0123456789`, `abcdefghij`. */
function isSequence(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

export function emailProblems(email: string): FieldProblem[] {
  if (UNSAFE_IN_EMAIL.test(email.trim())) return [{ field: 'email', message: 'must not contain spaces, control or text-direction characters' }];
  return [];
}

export function nameProblems(name: string, field = 'name'): FieldProblem[] {
  if (UNSAFE_IN_NAME.test(name)) return [{ field, message: 'must not contain control or text-direction (bidi) characters' }];
  if (!name.trim()) return [{ field, message: 'must not be blank' }];
  return [];
}

/** Why a new password is refused, if it is; `email` is the account's (normalized or not). */
export function passwordProblems(password: string, email: string, field = 'password'): FieldProblem[] {
  const problem = (message: string): FieldProblem[] => [{ field, message }];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return problem(`must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`);
  }
  const folded = password.normalize('NFKC').toLowerCase();
  if (!folded.trim()) return problem('must not be only spaces');
  if (new Set(folded).size < PASSWORD_MIN_DISTINCT) {
    return problem(`is too easy to guess: use at least ${PASSWORD_MIN_DISTINCT} different characters`);
  }
  if (isSequence(folded)) return problem('is too easy to guess: it is a run of consecutive characters');
  const normalized = normalizeEmail(email);
  const local = normalized.split('@')[0];
  if (folded.trim() === normalized || (local && folded.trim() === local)) {
    return problem('must not be your email address or the part before the @');
  }
  if (commonPasswords().has(folded) || commonPasswords().has(folded.trim())) {
    return problem('is one of the most common passwords; choose another');
  }
  return [];
}
