// The first recovery codes (ten characters, about 50 bits, unsalted SHA-256) would all fall to one
// pass over a leaked table, so they are replaced at their owner's next sign-in.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { recoveryCodesReplacedMessage } from "@/lib/notifications/templates/account-messages";
import { absoluteUrl } from "@/lib/site-url";

export const RECOVERY_CODES_REPLACED_ACTION = "user.recovery_codes_replaced";
export const SECURITY_PAGE_PATH = "/staff/security";

// They are marked legacy (migration 20261207121500_recovery_code_legacy) and replaced at their
// owner's next sign-in: a legacy code still signs in that once, then every legacy code of the
// account is deleted, the owner is emailed (no codes in the email: new ones are generated on the
// Security page, with a current code from the app) and the Security page says so.
/**
 * Deletes the account's legacy recovery codes. When some were still unused, the deletion is
 * audited and the owner emailed, once: of two sign-ins at the same moment, one deletes them.
 * Returns how many unused codes were replaced.
 */
export async function replaceLegacyRecoveryCodes(user: {
  id: string;
  email: string;
  name: string | null;
}): Promise<number> {
  // Most sign-ins have none: one indexed read, and no transaction.
  const any = await prisma.recoveryCode.findFirst({ where: { userId: user.id, legacy: true }, select: { id: true } });
  if (!any) return 0;
  const message = await recoveryCodesReplacedMessage({ name: user.name, link: absoluteUrl(SECURITY_PAGE_PATH) });
  return runTransaction(prisma, async (tx) => {
    const unused = await tx.recoveryCode.deleteMany({ where: { userId: user.id, legacy: true, usedAt: null } });
    // Used ones open nothing, but their weak hashes need not stay either.
    await tx.recoveryCode.deleteMany({ where: { userId: user.id, legacy: true } });
    if (unused.count === 0) return 0;
    await recordAudit(tx, {
      actorId: user.id,
      action: RECOVERY_CODES_REPLACED_ACTION,
      entityType: "User",
      entityId: user.id,
      data: { replaced: unused.count },
    });
    await enqueueEmail(tx, {
      toAddress: user.email,
      ...message,
      template: "account-recovery-codes-replaced",
      userId: user.id,
      dedupeKey: `account-recovery-codes-replaced:${user.id}:${randomUUID()}`,
    });
    return unused.count;
  });
}
