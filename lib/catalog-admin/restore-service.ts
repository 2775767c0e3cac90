// Brings a retired service back: it shows on the site and can be booked again at once.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound } from "@/lib/errors/domain-errors";
import { assertAdmin, type Actor } from "@/lib/auth/actor";

export async function restoreService(input: { serviceId: string; actor: Actor }): Promise<void> {
  assertAdmin(input.actor);
  await runTransaction(prisma, async (tx) => {
    const service = await tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } });
    if (!service) throw new NotFound("We couldn't find that service.");
    // Guarded on the flag: a second click (or a second admin) changes nothing and writes no entry.
    const restored = await tx.service.updateMany({
      where: { id: input.serviceId, active: false },
      data: { active: true },
    });
    if (restored.count === 1) {
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "service.restored",
        entityType: "Service",
        entityId: input.serviceId,
      });
    }
  });
  invalidateAvailability();
}
