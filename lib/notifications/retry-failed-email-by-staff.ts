// Staff's "Retry" on a failed (dead-letter) message: due now with a fresh set of attempts, and an
// audit entry naming who asked, in one transaction. Only a FAILED message can be retried: one
// already waiting or sent is refused (409), so a double click sends nothing twice.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";

export async function retryFailedEmailByStaff(input: { messageId: string; actorId: string }): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    const message = await tx.emailOutbox.findUnique({ where: { id: input.messageId }, select: { id: true } });
    if (!message) throw new NotFound("We couldn't find that message.");
    const retried = await tx.emailOutbox.updateMany({
      where: { id: message.id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, sendAfter: new Date() },
    });
    if (retried.count !== 1)
      throw new InvalidTransition("This message is not failed: it is already waiting to be sent or sent.");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "email.retried",
      entityType: "EmailOutbox",
      entityId: message.id,
    });
  });
}
