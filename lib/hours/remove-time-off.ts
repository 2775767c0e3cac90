// Removes a span of time off: the therapist's hours are bookable again at once. Nothing can be
// stranded by giving time back, so there is no check beyond the record being this therapist's.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound } from "@/lib/errors/domain-errors";
import { assertAdmin, type Actor } from "@/lib/auth/actor";

export async function removeTimeOff(input: { therapistId: string; timeOffId: string; actor: Actor }): Promise<void> {
  assertAdmin(input.actor);
  await runTransaction(prisma, async (tx) => {
    const removed = await tx.timeOff.deleteMany({ where: { id: input.timeOffId, therapistId: input.therapistId } });
    if (removed.count !== 1) throw new NotFound("That time off was already removed.");
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "therapist.time_off_removed",
      entityType: "Therapist",
      entityId: input.therapistId,
      data: { timeOffId: input.timeOffId },
    });
  });
  invalidateAvailability();
}
