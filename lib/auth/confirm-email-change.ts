// Follows an email-change link: the account's email becomes the new address (now verified). If that
// address was given to another account after the link was sent, the change is refused with a clear
// message and the link stays unused, so nothing half-happens.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { emailChangedMessage } from "@/lib/notifications/templates/account-messages";
import { consumeAccountToken, hashAccountToken, peekAccountToken } from "./account-tokens";
import type { AccountLinkProblem } from "./reset-password";

export type ConfirmEmailChangeResult =
  { ok: true; email: string } | { ok: false; reason: AccountLinkProblem | "address_taken" };

/** Whether an email-change link can still be used, to show its confirm button or what went wrong. */
export async function checkEmailChangeLink(token: string): Promise<"valid" | AccountLinkProblem> {
  return peekAccountToken(prisma, token, "EMAIL_CHANGE");
}

class AddressTaken extends Error {}

export async function confirmEmailChange(token: string, now: Date = new Date()): Promise<ConfirmEmailChangeResult> {
  try {
    return await runTransaction(prisma, async (tx): Promise<ConfirmEmailChangeResult> => {
      const used = await consumeAccountToken(tx, token, "EMAIL_CHANGE", now);
      if (!used.ok) return used;
      const newEmail = used.newEmail;
      if (!newEmail) return { ok: false, reason: "invalid" };
      const holder = await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } });
      // Thrown, not returned: the transaction rolls back and the link stays as it was.
      if (holder && holder.id !== used.userId) throw new AddressTaken();
      const before = await tx.user.findUniqueOrThrow({
        where: { id: used.userId },
        select: { email: true, name: true },
      });
      await tx.user.update({ where: { id: used.userId }, data: { email: newEmail, emailVerified: now } });
      // Links sent to the old address (verification, password reset) no longer speak for this account.
      await tx.accountToken.deleteMany({
        where: { userId: used.userId, purpose: { in: ["EMAIL_VERIFICATION", "PASSWORD_RESET"] }, usedAt: null },
      });
      await recordAudit(tx, {
        actorId: used.userId,
        action: "user.email_changed",
        entityType: "User",
        entityId: used.userId,
      });
      await enqueueEmail(tx, {
        toAddress: before.email,
        ...(await emailChangedMessage({ name: before.name, newEmail })),
        template: "account-email-changed",
        userId: used.userId,
        dedupeKey: `account-email-changed:${hashAccountToken(token)}`,
      });
      return { ok: true, email: newEmail };
    });
  } catch (error) {
    if (error instanceof AddressTaken || isUniqueViolation(error)) return { ok: false, reason: "address_taken" };
    throw error;
  }
}
