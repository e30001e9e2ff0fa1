import { commonPasswords, emailProblems, nameProblems, normalizeEmail, passwordProblems } from './account-policy';

const refused = (password: string, email = 'wendy@example.com') => passwordProblems(password, email).map((p) => `${p.field}: ${p.message}`);

describe('account policy', () => {
  it('folds look-alike emails onto one account: NFKC, trimmed, lower-cased', () => {
    expect(normalizeEmail('\uff41dmin@example.com')).toBe('admin@example.com'); // full-width a
    expect(normalizeEmail('  ADMIN@Example.COM ')).toBe('admin@example.com');
    expect(normalizeEmail('\uff21\uff24\uff2d\uff29\uff2e@example.com')).toBe('admin@example.com');
  });

  it('refuses controls, bidi overrides and spaces inside an email', () => {
    expect(emailProblems('ad\u202emin@example.com')).toEqual([{ field: 'email', message: expect.stringMatching(/text-direction/) }]);
    expect(emailProblems('a\u0000b@example.com')).toHaveLength(1);
    expect(emailProblems(' admin@example.com ')).toEqual([]);
  });

  it('refuses control and bidi characters in names, and blank names', () => {
    for (const name of ['Eve\u202Egnp.exe', 'Eve\u2066x\u2069', 'Eve\u200F', 'Eve\nAdmin', 'Eve\u0007', '   ']) {
      expect(nameProblems(name)).toHaveLength(1);
    }
    expect(nameProblems('Zoë Ångström-Núñez 李')).toEqual([]);
    expect(nameProblems('x\u202e', 'input.name')[0].field).toBe('input.name');
  });

  it('refuses trivial passwords, naming the field', () => {
    expect(refused('aaaaaaaaaa')).toEqual([expect.stringMatching(/^password: is too easy to guess: use at least 5 different/)]);
    expect(refused(' '.repeat(10))).toEqual(['password: must not be only spaces']);
    expect(refused('abababababab')).toHaveLength(1);
    expect(refused('0123456789')).toEqual(['password: is too easy to guess: it is a run of consecutive characters']);
    expect(refused('zyxwvutsrqpo')).toHaveLength(1);
    expect(refused('short')).toEqual(['password: must be 10 to 128 characters long']);
  });

  it('refuses the email itself or its local part, whatever the case', () => {
    expect(refused('Wendy@Example.com')).toEqual(['password: must not be your email address or the part before the @']);
    expect(refused('wendy.jones1', 'Wendy.Jones1@example.com')).toEqual(['password: must not be your email address or the part before the @']);
  });

  it('refuses the shipped common passwords, case-insensitively', () => {
    expect(commonPasswords().size).toBeGreaterThan(1000);
    expect(commonPasswords().has('password123')).toBe(true);
    expect(refused('Password123')).toEqual(['password: is one of the most common passwords; choose another']);
    expect(refused('qwertyuiop')).toHaveLength(1);
  });

  it('accepts ordinary passphrases', () => {
    for (const p of ['demo-password-123', 'wendy-password-1', 'correct-horse-1', 'a-long-password', 'Tr0ub4dor&3xyz']) expect(refused(p)).toEqual([]);
  });
});
