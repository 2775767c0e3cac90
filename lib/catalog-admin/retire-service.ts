// Retires a service: it leaves the site and online booking at once. Refused while visits of it are
// still booked, so nobody is left with a visit to a treatment that no longer exists; the service row
// is locked first (lockServiceRow), so a hold made meanwhile is seen or waits.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound } from "@/lib/errors/domain-errors";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { BookingsWouldBeStranded, loadUpcomingBookings, lockServiceRow } from "@/lib/booking/upcoming-bookings";

export async function retireService(input: { serviceId: string; actor: Actor; now?: Date }): Promise<void> {
  assertAdmin(input.actor);
  const now = input.now ?? new Date();
  await runTransaction(prisma, async (tx) => {
    if (!(await lockServiceRow(tx, input.serviceId))) throw new NotFound("We couldn't find that service.");
    const upcoming = await loadUpcomingBookings(tx, { serviceId: input.serviceId }, now);
    if (upcoming.length > 0) {
      throw new BookingsWouldBeStranded(
        upcoming,
        `Not retired: ${upcoming.length === 1 ? "1 upcoming visit is" : `${upcoming.length} upcoming visits are`} booked for this service. Move or cancel ${upcoming.length === 1 ? "it" : "them"} first.`,
      );
    }
    const retired = await tx.service.updateMany({
      where: { id: input.serviceId, active: true },
      data: { active: false },
    });
    if (retired.count === 1) {
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "service.retired",
        entityType: "Service",
        entityId: input.serviceId,
      });
    }
  });
  invalidateAvailability();
}
