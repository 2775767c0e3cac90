// Recovery codes for a lost authenticator: ten random codes, shown once, each usable once.
// Long enough (about 119 bits) that a plain, unkeyed SHA-256 keeps them safe in a leaked table
// and lets them survive a change of AUTH_SECRET (see hashRecoveryCode).
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// Crockford-style alphabet without 0/O and 1/I/L, so a code read off paper is typed correctly.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUP = 6;
const GROUPS = 4;
// The ten-character codes of the first edition, still accepted.
const LEGACY_LENGTH = 10;

/** Random bits in one code: 24 · log2(31) ≈ 118.9. */
export const RECOVERY_CODE_BITS = GROUP * GROUPS * Math.log2(ALPHABET.length);

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: GROUP * GROUPS }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return (chars.match(new RegExp(`.{${GROUP}}`, "g")) as string[]).join("-");
  });
}

/** Upper case, without spaces or dashes: "abcdef ghjkmn …" and "ABCDEF-GHJKMN-…" are the same code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, "").toUpperCase();
  return new RegExp(`^(?:[${ALPHABET}]{${GROUP * GROUPS}}|[${ALPHABET}]{${LEGACY_LENGTH}})$`).test(compact)
    ? compact
    : null;
}

// Each code carries 24 characters of a 31-letter alphabet, about 119 random bits, so a plain
// SHA-256 keeps them unusable from a copy of the table: no pass over the hashes can guess one (the
// first codes carried about 50 bits, which a leaked table would give up in one pass). The hash needs
// no key, so codes survive a change of AUTH_SECRET, which is when they are needed most (the
// authenticator key, sealed under AUTH_SECRET, is then unreadable). Codes stored before the
// 24-character ones are marked legacy: one still signs in once, and at its owner's next sign-in
// they are replaced (replace-legacy-recovery-codes.ts).
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(normalizeRecoveryCode(code) ?? code, "utf8")
    .digest("hex");
}
