// Time-based one-time passwords (RFC 6238) for staff sign-in: SHA-1, 30-second steps, 6 digits,
// the settings every authenticator app reads from the QR code. Pure: the caller passes the time and
// the last step this account already used, so a code is accepted one step early or late (a clock a
// little off) but never twice.
import { timingSafeEqual } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_KEY_BYTES = 20;
/** Steps either side of now that are still accepted. */
export const TOTP_DRIFT_STEPS = 1;

export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

export function totpStepStart(step: number): Date {
  return new Date(step * TOTP_PERIOD_SECONDS * 1000);
}

export function totpCodeAt(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/** What a person types: digits, perhaps with a space in the middle ("123 456"). */
export function normalizeTotpCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null;
}

/**
 * The step the code belongs to, or null when it matches none within the drift, or only a step at or
 * before `lastUsedStep` (a replay).
 */
export function matchTotpStep(
  key: Uint8Array,
  typed: string,
  now: Date,
  lastUsedStep: number | null = null,
): number | null {
  const code = normalizeTotpCode(typed);
  if (!code) return null;
  const current = totpStepAt(now);
  let matched: number | null = null;
  // Every candidate is compared, in constant time, so timing does not say which step matched.
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    const expected = Buffer.from(totpCodeAt(key, step));
    if (timingSafeEqual(expected, Buffer.from(code)) && matched === null) matched = step;
  }
  if (matched === null || (lastUsedStep !== null && matched <= lastUsedStep)) return null;
  return matched;
}

/** The key as people type it into an authenticator app by hand, in groups of four. */
export function formatTotpKeyForManualEntry(key: Uint8Array): string {
  return (encodeBase32UpperCaseNoPadding(key).match(/.{1,4}/g) ?? []).join(" ");
}

export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
