import * as argon2 from 'argon2';

/** argon2id with the library's defaults (memory-hard; ~20 ms here). */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, { type: argon2.argon2id });

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

// A real hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('not-a-real-password-0000'));
