// A booking and an admin's change to the therapist's hours at the same moment: the booking checks
// availability before its transaction, so the change can commit in between. The booking's own
// transaction re-checks the hours after writing its row (assertSlotStillOffered), under the lock the
// admin's change takes, so a booking can never land outside hours that were just shortened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/create-booking";
import { assertSlotStillOffered, findBookableSlot, SlotNoLongerOffered } from "@/lib/booking/find-bookable-slot";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { replaceWorkingHours } from "@/lib/staff/replace-working-hours";
import { clinicWeekday } from "@/lib/time/clinic-time";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { bookingData, createUser } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

const TIME_ZONE = "America/New_York";
let harness: PaymentsHarness;
let admin: { id: string; role: "ADMIN" };

beforeAll(async () => {
  harness = await startPaymentsHarness();
  admin = { id: (await createUser({ role: "ADMIN" })).id, role: "ADMIN" };
});
afterAll(async () => {
  await harness.close();
});

const weekdayOf = (instant: Date) =>
  clinicWeekday(new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(instant));

/** Every day 00:00–24:00 except the visit's weekday, which ends at 15:00. */
const shortenedWeek = (weekday: number) => ({
  workingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    weekday: day,
    startMinute: 0,
    endMinute: day === weekday ? 15 * 60 : 1440,
  })),
  breaks: [],
});

describe(`a booking racing an hours change (${ENGINE})`, () => {
  it("refuses, inside its own transaction, a time the hours no longer cover, and keeps nothing", async () => {
    const { service, therapists } = await createBookableService();
    const therapist = therapists[0]!;
    const client = await createClient();
    const start = clinicTimeAhead(5, 16);
    const now = new Date();

    // The booking's check, made before its transaction: 16:00 is within the hours.
    const slot = await findBookableSlot({ serviceSlug: service.slug, therapistId: therapist.id, start, now });
    // The admin's change commits in between: that day now ends at 15:00 (nothing is booked yet).
    await replaceWorkingHours({ therapistId: therapist.id, schedule: shortenedWeek(weekdayOf(start)), actor: admin });

    const written = runTransaction(prisma, async (tx) => {
      await tx.booking.create({
        data: bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt: slot.start }),
      });
      await assertSlotStillOffered({ serviceSlug: service.slug, therapistId: therapist.id, start, now, db: tx });
    });
    await expect(written).rejects.toBeInstanceOf(SlotNoLongerOffered);
    expect(await prisma.booking.count({ where: { therapistId: therapist.id } })).toBe(0);
  });

  it("lets the re-check pass when the hours still cover the time", async () => {
    const { service, therapists } = await createBookableService();
    const start = clinicTimeAhead(6, 11);
    await runTransaction(prisma, (tx) =>
      assertSlotStillOffered({
        serviceSlug: service.slug,
        therapistId: therapists[0]!.id,
        start,
        now: new Date(),
        db: tx,
      }),
    );
  });

  it("never books a time an hours change made unavailable while the booking was being made", async () => {
    const { service, therapists } = await createBookableService();
    const therapist = therapists[0]!;
    const client = await createClient();
    const start = clinicTimeAhead(7, 16);
    let locked!: () => void;
    let letChangeCommit!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const commit = new Promise<void>((resolve) => (letChangeCommit = resolve));

    // An admin's change under way: the therapist's row locked as replaceWorkingHours locks it, the
    // day shortened to 15:00, not yet committed.
    const changing = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Therapist" WHERE "id" = ${therapist.id} FOR UPDATE`;
        await tx.workingHours.updateMany({
          where: { therapistId: therapist.id, weekday: weekdayOf(start) },
          data: { endMinute: 15 * 60 },
        });
        locked();
        await commit;
      },
      { timeout: 20_000 },
    );
    await lockTaken;
    // The booking starts now: on PostgreSQL its check reads the committed hours (still until
    // midnight) and its insert waits for the admin's lock; on PGlite (one connection) it waits
    // for the admin's transaction as a whole.
    const booking = createBooking({
      client,
      serviceSlug: service.slug,
      therapistId: therapist.id,
      start,
      intake: CLEAR_INTAKE,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    letChangeCommit();
    await changing;

    const refused = await booking;
    expect(refused).toBeInstanceOf(Unprocessable);
    if (ENGINE === "postgresql") expect(refused).toBeInstanceOf(SlotNoLongerOffered);
    expect(await prisma.booking.count({ where: { therapistId: therapist.id } })).toBe(0);
  });
});
