// Changes the password of a signed-in account after re-entering the current one. Every other session
// of the account ends in the same transaction; the one making the change stays signed in.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { passwordChangedMessage } from "@/lib/notifications/templates/account-messages";
import type { PasswordChangeInput } from "./account-schemas";
import { hashPassword } from "./password";
import { verifyCurrentPassword, type ReauthResult } from "./verify-current-password";

export interface ChangePasswordContext {
  userId: string;
  /** The server-side session id of the request (its cookie's sid), kept signed in. */
  currentSessionId: string | null;
}

export type ChangePasswordResult = { ok: true; sessionsEnded: number } | Extract<ReauthResult, { ok: false }>;

export async function changePassword(
  input: PasswordChangeInput,
  { userId, currentSessionId }: ChangePasswordContext,
): Promise<ChangePasswordResult> {
  const reauth = await verifyCurrentPassword(userId, input.currentPassword);
  if (!reauth.ok) return reauth;
  const passwordHash = await hashPassword(input.newPassword);
  return runTransaction(prisma, async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: { id: true, email: true, name: true },
    });
    const { count: sessionsEnded } = await tx.session.deleteMany({
      where: { userId, ...(currentSessionId ? { sessionToken: { not: currentSessionId } } : {}) },
    });
    // A new password also ends links already sent: an email change or reset someone else asked for.
    await tx.accountToken.deleteMany({
      where: { userId, purpose: { in: ["EMAIL_CHANGE", "PASSWORD_RESET"] }, usedAt: null },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.password_changed",
      entityType: "User",
      entityId: userId,
      data: { sessionsEnded },
    });
    await enqueueEmail(tx, {
      toAddress: user.email,
      ...(await passwordChangedMessage({ name: user.name, byReset: false })),
      template: "account-password-changed",
      userId,
      // Each change is its own event: two changes in a row are two notices.
      dedupeKey: `account-password-changed:${userId}:${randomUUID()}`,
    });
    return { ok: true as const, sessionsEnded };
  });
}
