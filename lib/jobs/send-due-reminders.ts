// The 24-hour reminder, which repeats the red-flag question. One per visit time (the dedupeKey names
// the booking and its start), so a moved visit is reminded again and a repeat run writes nothing;
// written under the booking's row lock, so a cancel or move in between wins.
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { bookingEmailFacts, bookingEmailSelect } from "@/lib/notifications/booking-email-facts";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bookingReminderMessage } from "@/lib/notifications/templates/booking-messages";

const HOUR_MS = 3_600_000;
export const REMINDER_LEAD_MS = 24 * HOUR_MS;
export const REMINDER_MIN_NOTICE_MS = 2 * HOUR_MS;

export const reminderKey = (booking: { id: string; startsAt: Date }) =>
  `booking-reminder:${booking.id}:${booking.startsAt.toISOString()}`;

export async function sendDueReminders(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
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
      ...bookingEmailSelect,
      clientId: true,
      therapistId: true,
      client: { select: { email: true, name: true } },
      emails: { where: { template: "booking-reminder" }, select: { dedupeKey: true } },
    },
  });
  let sent = 0;
  for (const candidate of due) {
    const key = reminderKey(candidate);
    if (candidate.emails.some((email) => email.dedupeKey === key)) continue;
    // Rendered before the transaction: no locks are held while a template renders. The lock below
    // checks that the visit is still at this time with this therapist, so the facts still hold.
    const message = await bookingReminderMessage(bookingEmailFacts(candidate));
    const written = await runTransaction(prisma, async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Booking"
        WHERE "id" = ${candidate.id} AND "status" = 'CONFIRMED' AND "startsAt" = ${candidate.startsAt}
          AND "therapistId" = ${candidate.therapistId}
        FOR UPDATE`;
      if (locked.length === 0) return false;
      return enqueueEmail(tx, {
        toAddress: candidate.client.email,
        template: "booking-reminder",
        bookingId: candidate.id,
        userId: candidate.clientId,
        dedupeKey: key,
        ...message,
      });
    });
    if (written) sent++;
  }
  return sent;
}
