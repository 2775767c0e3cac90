// An admin resets two-factor sign-in for a staff member who lost both phone and recovery codes: key
// and codes removed, every session ended (a lost phone may hold one). Not for one's own account: the
// Security page turns it off with a code or the password.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { staffTwoFactorResetMessage } from "@/lib/notifications/templates/staff-messages";
import { assertActiveAdmin, findStaffMemberOrThrow, refuseSelf } from "./staff-admin";
import type { Actor } from "@/lib/auth/actor";

/** Returns false when two-factor was not on (nothing changed). */
export async function resetStaffTwoFactor(actor: Actor, userId: string, now = new Date()): Promise<boolean> {
  return runTransaction(prisma, async (tx) => {
    await assertActiveAdmin(tx, actor);
    refuseSelf(actor, userId, "reset two-factor sign-in of");
    const member = await findStaffMemberOrThrow(tx, userId);
    if (!member.totpEnabledAt) return false;
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: null, totpSecretEncrypted: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.two_factor_reset",
      entityType: "User",
      entityId: userId,
      data: { sessionsEnded },
    });
    await enqueueEmail(tx, {
      toAddress: member.email,
      ...(await staffTwoFactorResetMessage({ name: member.name })),
      template: "staff-two-factor-reset",
      userId,
      dedupeKey: `staff-two-factor-reset:${userId}:${now.getTime()}`,
    });
    return true;
  });
}
