// The 24-hour reminder, which repeats the red-flag question. One per visit time (the dedupeKey names
// the booking and its start), so a moved visit is reminded again and a repeat run writes nothing;
// written under the booking's row lock, so a cancel or move in between wins.
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bookingReminderMessage } from "@/lib/notifications/templates/booking-messages";
import { getClinic } from "@/lib/clinic/get-clinic";

const HOUR_MS = 3_600_000;
export const REMINDER_LEAD_MS = 24 * HOUR_MS;
export const REMINDER_MIN_NOTICE_MS = 2 * HOUR_MS;

export const reminderKey = (booking: { id: string; startsAt: Date }) =>
  `booking-reminder:${booking.id}:${booking.startsAt.toISOString()}`;

export async function sendDueReminders(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const env = getEnv();
  const due = await prisma.booking.findMany({
    where: {
      status: "CONFIRMED",
      startsAt: {
        gt: new Date(now.getTime() + REMINDER_MIN_NOTICE_MS),
        lte: new Date(now.getTime() + REMINDER_LEAD_MS),
      },
    },
    // No limit: one day of a clinic's confirmed visits is small, and a limit could starve later ones.
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      emails: { where: { template: "booking-reminder" }, select: { dedupeKey: true } },
    },
  });
  let sent = 0;
  for (const candidate of due) {
    const key = reminderKey(candidate);
    if (candidate.emails.some((email) => email.dedupeKey === key)) continue;
    const written = await runTransaction(prisma, async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Booking"
        WHERE "id" = ${candidate.id} AND "status" = 'CONFIRMED' AND "startsAt" = ${candidate.startsAt}
        FOR UPDATE`;
      if (locked.length === 0) return false;
      const booking = await tx.booking.findUniqueOrThrow({
        where: { id: candidate.id },
        select: {
          clientId: true,
          serviceName: true,
          priceCents: true,
          currency: true,
          client: { select: { email: true, name: true } },
          therapist: { select: { displayName: true } },
          service: { select: { freeCancellationHours: true, lateCancellationRefundPercent: true } },
        },
      });
      return enqueueEmail(tx, {
        toAddress: booking.client.email,
        template: "booking-reminder",
        bookingId: candidate.id,
        userId: booking.clientId,
        dedupeKey: key,
        ...(await bookingReminderMessage({
          bookingId: candidate.id,
          clientName: booking.client.name,
          serviceName: booking.serviceName,
          therapistName: booking.therapist.displayName,
          startsAt: candidate.startsAt,
          priceCents: booking.priceCents,
          currency: booking.currency,
          timeZone: getClinic().timeZone,
          cancellationTerms: booking.service,
          appUrl: env.APP_URL,
        })),
      });
    });
    if (written) sent++;
  }
  return sent;
}
