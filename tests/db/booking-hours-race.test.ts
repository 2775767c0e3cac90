// A booking and an admin's change to the therapist's hours at the same moment: the booking's
// transaction takes a key-share lock on the therapist's row before it reads the hours
// (lib/booking/booking-locks.ts), which the admin's FOR UPDATE excludes, so a booking can never
// land outside hours that were just shortened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/create-booking";
import { prisma } from "@/lib/db";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { replaceWorkingHours } from "@/lib/hours/replace-working-hours";
import { clinicWeekday } from "@/lib/time/clinic-time";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
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
  it("refuses a time the admin has just taken out of the hours, and keeps nothing", async () => {
    const { service, therapists } = await createBookableService();
    const therapist = therapists[0]!;
    const client = await createClient();
    const start = clinicTimeAhead(5, 16);
    // The client saw 16:00 offered; the admin's change commits before the booking arrives.
    await replaceWorkingHours({ therapistId: therapist.id, schedule: shortenedWeek(weekdayOf(start)), actor: admin });
    const refused = await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId: therapist.id,
      start,
      intake: CLEAR_INTAKE,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Unprocessable);
    expect(await prisma.booking.count({ where: { therapistId: therapist.id } })).toBe(0);
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
    // The booking starts now: on PostgreSQL its key-share lock on the therapist's row waits for the
    // admin's lock, and its read then sees the shortened day; on PGlite (one connection) it waits
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
    expect((refused as Error).message).toMatch(/outside our opening hours/);
    expect(await prisma.booking.count({ where: { therapistId: therapist.id } })).toBe(0);
  });
});
