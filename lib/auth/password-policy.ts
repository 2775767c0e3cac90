// The password policy: 10 to 128 characters, not on a list of commonly used passwords, not a run or
// a keyboard sequence. No hashing here, so the same zod schema (lib/auth/schemas.ts) can run in the
// browser for instant feedback and on the server as the authority.
import commonPasswordList from "fxa-common-password-list";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswordList.test(password) || commonPasswordList.test(lowered)) return true;
  // Runs of one character or of a keyboard/number sequence are as weak as any list entry.
  if (/^(.)\1+$/.test(password)) return true;
  const sequences = ["0123456789012345", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];
  return sequences.some((sequence) => sequence.includes(lowered));
}
