// Password hashing with argon2id at OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane)
// and the password policy: 10 to 128 characters, not on a list of commonly used passwords.
import { hash, verify } from "@node-rs/argon2";
import commonPasswordList from "fxa-common-password-list";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same, so
// timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-account-password");
  await verifyPassword(await dummyHash, password);
  return false;
}

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswordList.test(password) || commonPasswordList.test(lowered)) return true;
  // Runs of one character or of a keyboard/number sequence are as weak as any list entry.
  if (/^(.)\1+$/.test(password)) return true;
  const sequences = ["0123456789012345", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];
  return sequences.some((sequence) => sequence.includes(lowered));
}
