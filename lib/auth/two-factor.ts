// Two-factor sign-in (TOTP) for staff: enrolment, the second step of sign-in, and turning it off.
// The key is stored sealed (lib/auth/secret-box.ts).
import QRCode from "qrcode";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { getClinic } from "@/lib/clinic/get-clinic";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { verifyPassword } from "./password";
import { RECOVERY_CODES_REPLACED_ACTION } from "./replace-legacy-recovery-codes";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret, sealSecret, SecretBoxOpenError } from "./secret-box";
import {
  formatTotpKeyForManualEntry,
  matchTotpStep,
  normalizeTotpCode,
  TOTP_KEY_BYTES,
  totpKeyUri,
  totpStepStart,
} from "./totp";
import { REAUTH_LIMIT, reauthThrottleKey } from "./verify-current-password";

export interface TwoFactorStatus {
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** When legacy recovery codes were replaced at sign-in, while no new ones have been generated. */
  codesReplacedAt: Date | null;
  /** While enrolling: what the authenticator app needs. */
  pending: { keyUri: string; manualKey: string; qrCodeDataUrl: string } | null;
}

export async function getTwoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecretEncrypted: true, totpEnabledAt: true },
  });
  const recoveryCodesLeft = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  if (user.totpEnabledAt || !user.totpSecretEncrypted) {
    const codesReplacedAt = user.totpEnabledAt ? await lastReplacementOfCodes(userId) : null;
    return { enabledAt: user.totpEnabledAt, recoveryCodesLeft, codesReplacedAt, pending: null };
  }
  const key = openTotpKey(user.totpSecretEncrypted);
  if (!key) return { enabledAt: null, recoveryCodesLeft, codesReplacedAt: null, pending: null };
  const keyUri = totpKeyUri(getClinic().name, user.email, key);
  // Made here, on the server: the key never goes to a third-party QR service.
  const qrCodeDataUrl = await QRCode.toDataURL(keyUri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
  return {
    enabledAt: null,
    recoveryCodesLeft,
    codesReplacedAt: null,
    pending: { keyUri, manualKey: formatTotpKeyForManualEntry(key), qrCodeDataUrl },
  };
}

// The last event that gave the account its recovery codes or took them: a replacement of legacy
// codes counts until new codes are generated (or two-factor is set up again).
async function lastReplacementOfCodes(userId: string): Promise<Date | null> {
  const last = await prisma.auditLog.findFirst({
    where: {
      entityType: "User",
      entityId: userId,
      action: { in: [RECOVERY_CODES_REPLACED_ACTION, RECOVERY_CODES_GENERATED_ACTION, "user.totp_enabled"] },
    },
    orderBy: { createdAt: "desc" },
    select: { action: true, createdAt: true },
  });
  return last?.action === RECOVERY_CODES_REPLACED_ACTION ? last.createdAt : null;
}

// Enrolment has two steps: a new key is stored while totpEnabledAt is still null (the QR code is
// shown), and only a current code from the app turns it on, with ten recovery codes shown once.
/** Stores a new key for enrolment (replacing an unconfirmed one). Refused once two-factor is on. */
export async function beginTotpEnrolment(userId: string): Promise<void> {
  const sealed = sealSecret(randomBytes(TOTP_KEY_BYTES), getEnv().AUTH_SECRET);
  await runTransaction(prisma, async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecretEncrypted: sealed },
    });
    if (count === 0) throw new Unprocessable("Two-factor sign-in is already on for this account.");
    await recordAudit(tx, {
      actorId: userId,
      action: "user.totp_enrolment_started",
      entityType: "User",
      entityId: userId,
    });
  });
}

const CODE_NOT_ACCEPTED = "That code didn't work. Enter the 6-digit code your app shows now (a code works only once).";

/**
 * Turns two-factor on when the code matches the key being enrolled. Returns the recovery codes, to
 * show once: only their hashes are kept.
 */
export async function confirmTotpEnrolment(userId: string, typedCode: string, now = new Date()): Promise<string[]> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretEncrypted: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new Unprocessable("Two-factor sign-in is already on for this account.");
  if (!user.totpSecretEncrypted) throw new Unprocessable("Start the set-up again: no key is waiting to be confirmed.");
  const key = openTotpKey(user.totpSecretEncrypted);
  if (!key) throw new Unprocessable("Start the set-up again: the key waiting to be confirmed can no longer be read.");
  const step = matchTotpStep(key, typedCode, now);
  if (step === null || !(await claimTotpStep(userId, step))) {
    throw new Unprocessable(CODE_NOT_ACCEPTED, { code: [CODE_NOT_ACCEPTED] });
  }
  const codes = generateRecoveryCodes();
  await runTransaction(prisma, async (tx) => {
    // Guarded on the same key: a set-up restarted in another tab meanwhile is not turned on by this code.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecretEncrypted: user.totpSecretEncrypted },
      data: { totpEnabledAt: now },
    });
    if (count === 0) throw new Unprocessable("The set-up changed in another tab. Reload the page and start again.");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
    await recordAudit(tx, { actorId: userId, action: "user.totp_enabled", entityType: "User", entityId: userId });
  });
  return codes;
}

export type SecondFactor = "totp" | "recovery_code";

// Each accepted code's step is recorded, so a code seen over someone's shoulder cannot be used
// again within its window.
/**
 * The second step of sign-in: a current code from the app, or an unused recovery code (used up by
 * this call). Null when neither matches. The caller throttles attempts.
 */
export async function verifySecondFactor(
  userId: string,
  typed: string,
  now = new Date(),
): Promise<SecondFactor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { totpSecretEncrypted: true, totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecretEncrypted) return null;
  if (normalizeTotpCode(typed)) {
    const key = openTotpKey(user.totpSecretEncrypted);
    const step = key ? matchTotpStep(key, typed, now) : null;
    return step !== null && (await claimTotpStep(userId, step)) ? "totp" : null;
  }
  const recovery = normalizeRecoveryCode(typed);
  if (!recovery) return null;
  return runTransaction(prisma, async (tx) => {
    // One guarded update: two sign-ins racing with the same code, one wins.
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(recovery), usedAt: null },
      data: { usedAt: now },
    });
    if (count === 0) return null;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.recovery_code_used",
      entityType: "User",
      entityId: userId,
      data: { left },
    });
    return "recovery_code" as const;
  });
}

export const RECOVERY_CODES_GENERATED_ACTION = "user.recovery_codes_generated";

/**
 * Replaces every recovery code of the account with ten new ones, returned to show once. Needs a
 * current code from the app (a recovery code would only trade one for ten), throttled like every
 * re-authentication.
 */
export async function generateNewRecoveryCodes(userId: string, typedCode: string, now = new Date()): Promise<string[]> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, totpSecretEncrypted: true },
  });
  if (!user.totpEnabledAt || !user.totpSecretEncrypted) {
    throw new Unprocessable("Two-factor sign-in is off: recovery codes come with setting it up.");
  }
  const throttle = await hitRateLimit(reauthThrottleKey(userId), REAUTH_LIMIT);
  if (!throttle.allowed) throw new Unprocessable("Too many tries. Please wait a few minutes and try again.");
  const key = openTotpKey(user.totpSecretEncrypted);
  const step = key && normalizeTotpCode(typedCode) ? matchTotpStep(key, typedCode, now) : null;
  if (step === null || !(await claimTotpStep(userId, step))) {
    throw new Unprocessable(CODE_NOT_ACCEPTED, { code: [CODE_NOT_ACCEPTED] });
  }
  const codes = generateRecoveryCodes();
  await runTransaction(prisma, async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
    await recordAudit(tx, {
      actorId: userId,
      action: RECOVERY_CODES_GENERATED_ACTION,
      entityType: "User",
      entityId: userId,
    });
  });
  return codes;
}

/** Turns two-factor off, with a current code (or a recovery code) or the account's password. */
export async function disableTwoFactor(
  userId: string,
  proof: { code: string } | { password: string },
  now = new Date(),
): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, totpEnabledAt: true, totpSecretEncrypted: true },
  });
  if (!user.totpEnabledAt && !user.totpSecretEncrypted) return;
  // Throttled like every re-authentication: a signed-in browser is no way to guess the password or codes.
  const throttle = await hitRateLimit(reauthThrottleKey(userId), REAUTH_LIMIT);
  if (!throttle.allowed) throw new Unprocessable("Too many tries. Please wait a few minutes and try again.");
  if ("password" in proof) {
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, proof.password))) {
      throw new Unprocessable("That password is not right.", { password: ["That password is not right."] });
    }
  } else if (user.totpEnabledAt && !(await verifySecondFactor(userId, proof.code, now))) {
    throw new Unprocessable(CODE_NOT_ACCEPTED, { code: [CODE_NOT_ACCEPTED] });
  }
  await runTransaction(prisma, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: null, totpSecretEncrypted: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.totp_disabled",
      entityType: "User",
      entityId: userId,
      data: { proof: "password" in proof ? "password" : "code" },
    });
  });
}

/**
 * The stored key, or null when it no longer opens: AUTH_SECRET was changed since it was sealed. Then
 * app codes cannot be checked; recovery codes (hashed, not sealed) and the password still work, so
 * the person can turn two-factor off and set it up again.
 */
function openTotpKey(sealed: string): Uint8Array | null {
  try {
    return openSecret(sealed, getEnv().AUTH_SECRET);
  } catch (error) {
    if (error instanceof SecretBoxOpenError) return null;
    throw error;
  }
}

/**
 * Records that a code of this step was accepted, unless one of this step or a later one already was:
 * one guarded upsert, so of two requests with the same code exactly one gets true. Kept in the
 * RateLimit table (a row per account, its window start = the step's start): the schema has no
 * column of its own for it, and expired rows there are pruned after a day, long after a step can matter.
 */
async function claimTotpStep(userId: string, step: number): Promise<boolean> {
  const stepStart = totpStepStart(step);
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO "RateLimit" ("key", "hits", "windowStart", "updatedAt")
    VALUES (${totpStepKey(userId)}, 0, ${stepStart}, now())
    ON CONFLICT ("key") DO UPDATE SET "windowStart" = EXCLUDED."windowStart", "updatedAt" = now()
      WHERE "RateLimit"."windowStart" < EXCLUDED."windowStart"
    RETURNING "key"`;
  return rows.length === 1;
}

const totpStepKey = (userId: string) => `totp-last-step:${userId}`;
