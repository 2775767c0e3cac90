// "Sign out of all devices": ends every session of the account, this one included, with an audit
// entry. The caller then clears this browser's cookie (Auth.js signOut).
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";

export async function signOutEverywhere(userId: string, clientIp: string): Promise<number> {
  return runTransaction(prisma, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.sign_out_everywhere",
      entityType: "User",
      entityId: userId,
      data: { ip: clientIp, sessionsEnded: count },
    });
    return count;
  });
}
