// The invited therapist chooses a password through the single-use link an admin's invitation sent
// (lib/team/invite-therapist.ts). The link is used and the password set in one transaction, guarded
// on the account having no password yet and not being turned off; then they sign in as usual.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { consumeAccountToken, hashAccountToken, peekAccountToken } from "./account-tokens";
import { hashPassword } from "./password";

export type AcceptInviteResult = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" | "used" };

export async function checkStaffInvite(token: string, now = new Date()) {
  return peekAccountToken(prisma, token, "STAFF_INVITE", now);
}

/** The invited address, to show on the form (only for a usable link). */
export async function staffInviteEmail(token: string): Promise<string | null> {
  const row = await prisma.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true, user: { select: { email: true } } },
  });
  return row?.purpose === "STAFF_INVITE" ? row.user.email : null;
}

export async function acceptStaffInvite(
  token: string,
  password: string,
  now = new Date(),
): Promise<AcceptInviteResult> {
  const passwordHash = await hashPassword(password);
  return runTransaction(prisma, async (tx): Promise<AcceptInviteResult> => {
    const consumed = await consumeAccountToken(tx, token, "STAFF_INVITE", now);
    if (!consumed.ok) return consumed;
    const { count } = await tx.user.updateMany({
      where: { id: consumed.userId, passwordHash: null, disabledAt: null, role: { in: ["THERAPIST", "ADMIN"] } },
      data: { passwordHash, emailVerified: now },
    });
    if (count === 0) return { ok: false, reason: "used" };
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: consumed.userId }, select: { email: true } });
    await recordAudit(tx, {
      actorId: consumed.userId,
      action: "user.invite_accepted",
      entityType: "User",
      entityId: consumed.userId,
    });
    return { ok: true, email };
  });
}
