// The reminder job and the aftercare message: one reminder 24 hours ahead that repeats the red-flag
// question, one for a booking made later while the visit is more than 2 hours away, none for a
// cancelled visit, a fresh one for a visit moved to a new time; aftercare once when a visit completes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { checkInBooking } from "@/lib/booking/check-in-booking";
import { completeBooking } from "@/lib/booking/complete-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";
import { prisma } from "@/lib/db";
import { InvalidTransition } from "@/lib/errors/domain-errors";
import { sendDueReminders } from "@/lib/jobs/send-due-reminders";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { caught, createStaffScenario } from "../support/staff-scenario";

let harness: PaymentsHarness;
let dayOffset = 30;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const HOUR_MS = 3_600_000;
const hoursBefore = (start: Date, hours: number) => new Date(start.getTime() - hours * HOUR_MS);

const remindersOf = (bookingId: string) =>
  prisma.emailOutbox.findMany({
    where: { bookingId, template: "booking-reminder" },
    orderBy: { createdAt: "asc" },
    select: { subject: true, text: true, html: true, userId: true },
  });

describe(`reminders (${ENGINE})`, () => {
  it("sends one reminder once the visit is 24 hours away, with the red-flag question, and never a second", async () => {
    const start = clinicTimeAhead(dayOffset++, 10);
    const { bookingId, client } = await confirmedBooking(harness, { start });

    await sendDueReminders({ now: hoursBefore(start, 30) });
    expect(await remindersOf(bookingId)).toHaveLength(0);

    await sendDueReminders({ now: hoursBefore(start, 24) });
    await sendDueReminders({ now: hoursBefore(start, 23) });
    await Promise.all([
      sendDueReminders({ now: hoursBefore(start, 20) }),
      sendDueReminders({ now: hoursBefore(start, 20) }),
    ]);
    const reminders = await remindersOf(bookingId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.userId).toBe(client.id);
    expect(reminders[0]?.subject).toMatch(/^Reminder:/);
    expect(reminders[0]?.text.replace(/\s+/g, " ")).toContain(SYMPTOM_ADVICE.sameDay);
    expect(reminders[0]?.text.replace(/\s+/g, " ")).toContain(SYMPTOM_ADVICE.emergency);
    expect(reminders[0]?.html).toMatch(/<html/);
  });

  it("reminds a booking made after the reminder time while the visit is more than 2 hours away, and not closer", async () => {
    const early = clinicTimeAhead(dayOffset++, 9);
    const late = clinicTimeAhead(dayOffset++, 9);
    const first = await confirmedBooking(harness, { start: early });
    const second = await confirmedBooking(harness, { start: late });

    // First seen by the job 5 hours before the visit: still reminded.
    await sendDueReminders({ now: hoursBefore(early, 5) });
    expect(await remindersOf(first.bookingId)).toHaveLength(1);
    // First seen 90 minutes before: too close, no reminder.
    await sendDueReminders({ now: new Date(late.getTime() - 90 * 60_000) });
    expect(await remindersOf(second.bookingId)).toHaveLength(0);
  });

  it("sends none for a cancelled visit, and one for the new time of a moved visit", async () => {
    const day = dayOffset++;
    const start = clinicTimeAhead(day, 11);
    const cancelled = await confirmedBooking(harness, { start });
    await cancelBooking({ bookingId: cancelled.bookingId, actor: { id: cancelled.client.id, role: "CLIENT" } });
    await harness.emulator.waitForWebhooks();
    await sendDueReminders({ now: hoursBefore(start, 23) });
    expect(await remindersOf(cancelled.bookingId)).toHaveLength(0);

    const movedStart = clinicTimeAhead(day, 14);
    const moved = await confirmedBooking(harness, { start: movedStart });
    await sendDueReminders({ now: hoursBefore(movedStart, 23) });
    expect(await remindersOf(moved.bookingId)).toHaveLength(1);
    const newStart = clinicTimeAhead(day + 2, 14);
    await rescheduleBooking({
      bookingId: moved.bookingId,
      actor: { id: moved.client.id, role: "CLIENT" },
      start: newStart,
    });
    await sendDueReminders({ now: hoursBefore(newStart, 23) });
    await sendDueReminders({ now: hoursBefore(newStart, 22) });
    expect(await remindersOf(moved.bookingId)).toHaveLength(2);
  });
});

describe(`aftercare (${ENGINE})`, () => {
  it("sends the service's aftercare guide and a rebook link once when the visit is completed", async () => {
    const { booking, service, client, actors } = await createStaffScenario();
    await prisma.service.update({ where: { id: service.id }, data: { aftercareSlug: "aftercare-calf-reset" } });
    await checkInBooking({ bookingId: booking.id, actor: actors.therapist });
    await completeBooking({ bookingId: booking.id, actor: actors.therapist });
    expect(await caught(completeBooking({ bookingId: booking.id, actor: actors.admin }))).toBeInstanceOf(
      InvalidTransition,
    );

    const messages = await prisma.emailOutbox.findMany({ where: { bookingId: booking.id } });
    expect(messages.map((message) => message.template)).toEqual(["booking-aftercare"]);
    expect(messages[0]).toMatchObject({ userId: client.id, toAddress: client.email });
    expect(messages[0]?.text).toMatch(/\/learn\/aftercare-calf-reset/);
    expect(messages[0]?.text).toMatch(new RegExp(`/book\\?service=${service.slug}`));
  });
});
