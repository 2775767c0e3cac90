// Recovery codes for a lost authenticator: ten random codes, shown once, each usable once. They carry
// 50 random bits each, so a plain SHA-256 is enough to keep them unusable from a copy of the table
// (a slow hash protects guessable passwords, not random codes).
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// Crockford-style alphabet without 0/O and 1/I/L, so a code read off paper is typed correctly.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUP = 5;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** Upper case, without spaces or dashes: "abcde fghjk" and "ABCDE-FGHJK" are the same code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, "").toUpperCase();
  return new RegExp(`^[${ALPHABET}]{${GROUP * 2}}$`).test(compact) ? compact : null;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(normalizeRecoveryCode(code) ?? code, "utf8")
    .digest("hex");
}
