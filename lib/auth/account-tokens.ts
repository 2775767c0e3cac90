// Single-use links sent by email: password reset, email verification, email change, staff invite.
// The database keeps only a hash of each link, and each link works exactly once.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

export const ACCOUNT_TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60_000,
  EMAIL_VERIFICATION: 7 * 24 * 60 * 60_000,
  EMAIL_CHANGE: 24 * 60 * 60_000,
  STAFF_INVITE: 7 * 24 * 60 * 60_000,
};

export type AccountTokenWriter = Pick<Prisma.TransactionClient, "accountToken">;

// The link carries 32 random bytes; the database keeps only their SHA-256, so a leaked table gives
// no working link.
export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssueAccountTokenInput {
  userId: string;
  purpose: AccountTokenPurpose;
  /** For EMAIL_CHANGE: the address the account moves to when the link is followed. */
  newEmail?: string;
  now?: Date;
}

// Issuing a new link of a kind replaces the account's unused one of that kind (a partial unique
// index allows one live link per account and kind).
/** Returns the token to put in the link (never stored). Call inside the transaction that enqueues the email. */
export async function issueAccountToken(tx: AccountTokenWriter, input: IssueAccountTokenInput): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } });
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashAccountToken(token),
      newEmail: input.newEmail ?? null,
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[input.purpose]),
    },
  });
  return token;
}

export type ConsumedAccountToken =
  { ok: true; userId: string; newEmail: string | null } | { ok: false; reason: "invalid" | "expired" | "used" };

// Using a link is one guarded update (unused, unexpired), so two clicks, or two tabs, use it
// exactly once.
/**
 * Uses a link once. "invalid" covers a token that never existed or is of another kind; the caller
 * shows the same clear message for all three failures, with a way to ask for a new link.
 */
export async function consumeAccountToken(
  tx: AccountTokenWriter,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<ConsumedAccountToken> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashAccountToken(token);
  const { count } = await tx.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await tx.accountToken.findUnique({
    where: { tokenHash },
    select: { userId: true, newEmail: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (count === 1) return { ok: true, userId: row.userId, newEmail: row.newEmail };
  if (row.usedAt) return { ok: false, reason: "used" };
  return { ok: false, reason: "expired" };
}

/** Whether a link is still usable, without using it (to show the form behind it). */
export async function peekAccountToken(
  tx: AccountTokenWriter,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<"valid" | "invalid" | "expired" | "used"> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "invalid";
  const row = await tx.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt > now ? "valid" : "expired";
}
