// Follows an email-verification link: the account's address is confirmed (User.emailVerified).
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { consumeAccountToken, peekAccountToken } from "./account-tokens";
import type { AccountLinkProblem } from "./reset-password";

export type VerifyEmailResult = { ok: true } | { ok: false; reason: AccountLinkProblem };

/** Whether a verification link can still be used, to show its confirm button or what went wrong. */
export async function checkEmailVerificationLink(token: string): Promise<"valid" | AccountLinkProblem> {
  return peekAccountToken(prisma, token, "EMAIL_VERIFICATION");
}

export async function verifyEmail(token: string, now: Date = new Date()): Promise<VerifyEmailResult> {
  return runTransaction(prisma, async (tx): Promise<VerifyEmailResult> => {
    const used = await consumeAccountToken(tx, token, "EMAIL_VERIFICATION", now);
    if (!used.ok) return used;
    // Guarded: a second verification keeps the first time.
    await tx.user.updateMany({ where: { id: used.userId, emailVerified: null }, data: { emailVerified: now } });
    await recordAudit(tx, {
      actorId: used.userId,
      action: "user.email_verified",
      entityType: "User",
      entityId: used.userId,
    });
    return { ok: true };
  });
}
