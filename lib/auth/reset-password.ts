// Sets a new password from an emailed reset link. The link is used once (a guarded update); the new
// hash, the end of every session of the account, the audit entry and the notice commit together.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { passwordChangedMessage } from "@/lib/notifications/templates/account-messages";
import type { ResetPasswordInput } from "./account-schemas";
import { consumeAccountToken, hashAccountToken, peekAccountToken } from "./account-tokens";
import { hashPassword } from "./password";

export type AccountLinkProblem = "invalid" | "expired" | "used";

/** Whether a reset link can still be used, to show its form or the "ask for a new link" message. */
export async function checkPasswordResetLink(token: string): Promise<"valid" | AccountLinkProblem> {
  return peekAccountToken(prisma, token, "PASSWORD_RESET");
}

export type ResetPasswordResult = { ok: true } | { ok: false; reason: AccountLinkProblem };

export async function resetPassword(input: ResetPasswordInput, now: Date = new Date()): Promise<ResetPasswordResult> {
  // Hashed outside the transaction: argon2 takes tens of milliseconds and holds no row.
  const passwordHash = await hashPassword(input.newPassword);
  return runTransaction(prisma, async (tx): Promise<ResetPasswordResult> => {
    const used = await consumeAccountToken(tx, input.token, "PASSWORD_RESET", now);
    if (!used.ok) return used;
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash },
      select: { id: true, email: true, name: true },
    });
    // The link reached this mailbox, which confirms the address as a verification link would: an
    // account whose first link was lost gets in this way (a client signs in only when confirmed).
    await tx.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: now } });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: user.id } });
    // Taking the account back also ends an email change someone else may have asked for.
    await tx.accountToken.deleteMany({
      where: { userId: user.id, purpose: { in: ["EMAIL_CHANGE", "PASSWORD_RESET"] }, usedAt: null },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: user.id,
      data: { sessionsEnded },
    });
    await enqueueEmail(tx, {
      toAddress: user.email,
      ...(await passwordChangedMessage({ name: user.name, byReset: true })),
      template: "account-password-changed",
      userId: user.id,
      dedupeKey: `account-password-reset-done:${hashAccountToken(input.token)}`,
    });
    return { ok: true };
  });
}
