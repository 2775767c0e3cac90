// Replaces a therapist's whole week, all of it or none, with its audit entry. Refused when it would
// strand a booked visit; the visits are read after the therapist's row lock, so a hold made meanwhile
// cannot slip past the check (lockTherapistRow).
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound } from "@/lib/errors/domain-errors";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { findStrandedBookings } from "./find-stranded-bookings";
import type { WeeklySchedule } from "./hours-ranges";
import { BookingsWouldBeStranded, loadUpcomingBookings, lockTherapistRow } from "@/lib/booking/upcoming-bookings";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface ReplaceWorkingHoursInput {
  therapistId: string;
  /** Already checked by validateWeek (hours-ranges.ts): ordered, no overlaps, breaks inside hours. */
  schedule: WeeklySchedule;
  actor: Actor;
  now?: Date;
}

const window = { weekday: true, startMinute: true, endMinute: true } as const;

export async function replaceWorkingHours(input: ReplaceWorkingHoursInput): Promise<void> {
  assertAdmin(input.actor);
  const now = input.now ?? new Date();
  const timeZone = getClinic().timeZone;
  const { therapistId, schedule } = input;
  await runTransaction(prisma, async (tx) => {
    if (!(await lockTherapistRow(tx, therapistId))) throw new NotFound("We couldn't find that therapist.");
    const current = await tx.therapist.findUniqueOrThrow({
      where: { id: therapistId },
      select: {
        workingHours: { select: window },
        breaks: { select: window },
        timeOff: { where: { endsAt: { gt: now } }, select: { startsAt: true, endsAt: true } },
      },
    });
    const upcoming = await loadUpcomingBookings(tx, { therapistId }, now);
    const stranded = findStrandedBookings(
      upcoming,
      { before: current, after: { ...schedule, timeOff: current.timeOff } },
      timeZone,
    );
    if (stranded.length > 0) throw new BookingsWouldBeStranded(stranded);

    await tx.workingHours.deleteMany({ where: { therapistId } });
    await tx.therapistBreak.deleteMany({ where: { therapistId } });
    await tx.workingHours.createMany({ data: schedule.workingHours.map((range) => ({ therapistId, ...range })) });
    await tx.therapistBreak.createMany({ data: schedule.breaks.map((range) => ({ therapistId, ...range })) });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "therapist.hours_replaced",
      entityType: "Therapist",
      entityId: therapistId,
      data: {
        workingHours: schedule.workingHours.map(({ weekday, startMinute, endMinute }) => [
          weekday,
          startMinute,
          endMinute,
        ]),
        breaks: schedule.breaks.map(({ weekday, startMinute, endMinute }) => [weekday, startMinute, endMinute]),
      },
    });
  });
  invalidateAvailability();
}
