// Adds a span of time off for a therapist (holiday, training, illness), in one transaction with its
// audit entry. Refused, with the visits listed, when a booked visit falls in it: the clinic moves or
// cancels those first. The therapist's row is locked before the visits are read (lockTherapistRow).
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { findBookingsDuring } from "./find-stranded-bookings";
import { BookingsWouldBeStranded, loadUpcomingBookings, lockTherapistRow } from "@/lib/booking/upcoming-bookings";

export interface AddTimeOffInput {
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  reason?: string;
  actor: Actor;
  now?: Date;
}

const MAX_SPAN_MS = 366 * 86_400_000;

export async function addTimeOff(input: AddTimeOffInput): Promise<{ id: string }> {
  assertAdmin(input.actor);
  const now = input.now ?? new Date();
  const { therapistId, startsAt, endsAt } = input;
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new Unprocessable("Time off must end after it starts.", { endsAt: ["Choose an end after the start."] });
  }
  if (endsAt.getTime() <= now.getTime()) {
    throw new Unprocessable("That time off is already over.", { endsAt: ["Choose an end in the future."] });
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_SPAN_MS) {
    throw new Unprocessable("Time off can be at most a year at a time.", {
      endsAt: ["Choose an end within a year of the start."],
    });
  }
  const created = await runTransaction(prisma, async (tx) => {
    if (!(await lockTherapistRow(tx, therapistId))) throw new NotFound("We couldn't find that therapist.");
    const during = findBookingsDuring(await loadUpcomingBookings(tx, { therapistId }, now), { startsAt, endsAt });
    if (during.length > 0) {
      throw new BookingsWouldBeStranded(
        during,
        `Not saved: ${during.length === 1 ? "1 booked visit falls" : `${during.length} booked visits fall`} in this time off. Move or cancel ${during.length === 1 ? "it" : "them"} first.`,
      );
    }
    const timeOff = await tx.timeOff.create({
      data: { therapistId, startsAt, endsAt, reason: input.reason?.trim() || null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "therapist.time_off_added",
      entityType: "Therapist",
      entityId: therapistId,
      // The span only: a reason may say more about a colleague than the log needs.
      data: { timeOffId: timeOff.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return timeOff;
  });
  invalidateAvailability();
  return created;
}
