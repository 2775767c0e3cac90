// rescheduleBooking on a real database: the row moves in one guarded update, with its audit entry
// and message; a taken target is a 409 that leaves the booking exactly as it was (by the check, and
// by the exclusion constraint when two moves race for one time); after the cut-off it is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { prisma } from "@/lib/db";
import { DomainError, NotFound, SlotTaken } from "@/lib/errors/domain-errors";
import { createBookableService, createClient } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

let harness: PaymentsHarness;
let dayOffset = 20;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const HOUR_MS = 3_600_000;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const fullRow = (id: string) =>
  prisma.booking.findUniqueOrThrow({ where: { id }, include: { payments: { include: { refunds: true } } } });

describe(`rescheduleBooking (${ENGINE})`, () => {
  it("moves the booking to a free time, keeps its payment, and writes one audit entry and one message", async () => {
    const day = dayOffset++;
    const { bookingId, client, service } = await confirmedBooking(harness, { start: clinicTimeAhead(day, 10) });
    const before = await fullRow(bookingId);
    const target = clinicTimeAhead(day + 1, 15, 30);

    const { booking } = await rescheduleBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, start: target });

    expect(booking).toMatchObject({
      id: bookingId,
      status: "CONFIRMED",
      startsAt: target.toISOString(),
      endsAt: new Date(target.getTime() + service.durationMinutes * 60_000).toISOString(),
      amountPaidCents: service.priceCents,
      amountRefundedCents: 0,
    });
    const after = await fullRow(bookingId);
    expect(after.blockedUntil.getTime() - after.endsAt.getTime()).toBe(service.bufferMinutes * 60_000);
    expect(after.payments).toEqual(before.payments);
    expect(after.priceCents).toBe(before.priceCents);
    const audit = await prisma.auditLog.findMany({ where: { entityId: bookingId, action: "booking.rescheduled" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ from: before.startsAt.toISOString(), to: target.toISOString() });
    const messages = await prisma.emailOutbox.findMany({ where: { bookingId, template: "booking-rescheduled" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(/carries over/);
  });

  it("moves by less than its own length: the booking does not stand in its own way", async () => {
    const day = dayOffset++;
    const { bookingId, client } = await confirmedBooking(harness, { start: clinicTimeAhead(day, 10) });
    const target = clinicTimeAhead(day, 10, 15);
    const { booking } = await rescheduleBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, start: target });
    expect(booking.startsAt).toBe(target.toISOString());
  });

  it("answers a taken target with SlotTaken and leaves the booking byte for byte as it was", async () => {
    const day = dayOffset++;
    const bookable = await createBookableService();
    const mine = await confirmedBooking(harness, { bookable, start: clinicTimeAhead(day, 10) });
    const theirs = await confirmedBooking(harness, { bookable, start: clinicTimeAhead(day, 14) });
    const before = await fullRow(mine.bookingId);

    const error = await refusal(
      rescheduleBooking({
        bookingId: mine.bookingId,
        actor: { id: mine.client.id, role: "CLIENT" },
        start: clinicTimeAhead(day, 14, 30),
      }),
    );
    expect(error).toBeInstanceOf(SlotTaken);
    expect(await fullRow(mine.bookingId)).toEqual(before);
    expect((await fullRow(theirs.bookingId)).startsAt.toISOString()).toBe(clinicTimeAhead(day, 14).toISOString());
    expect(
      await prisma.emailOutbox.count({ where: { bookingId: mine.bookingId, template: "booking-rescheduled" } }),
    ).toBe(0);
  });

  it("lets exactly one of two simultaneous moves into one time win; the loser is unchanged", async () => {
    const day = dayOffset++;
    const bookable = await createBookableService();
    const first = await confirmedBooking(harness, { bookable, start: clinicTimeAhead(day, 9) });
    const second = await confirmedBooking(harness, { bookable, start: clinicTimeAhead(day, 16) });
    const target = clinicTimeAhead(day, 12);
    const rows = {
      [first.bookingId]: await fullRow(first.bookingId),
      [second.bookingId]: await fullRow(second.bookingId),
    };

    const outcomes = await Promise.allSettled(
      [first, second].map((booking) =>
        rescheduleBooking({
          bookingId: booking.bookingId,
          actor: { id: booking.client.id, role: "CLIENT" },
          start: target,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.findIndex((outcome) => outcome.status === "rejected");
    expect((outcomes[lost] as PromiseRejectedResult).reason).toBeInstanceOf(SlotTaken);
    const loser = [first, second][lost]!;
    expect(await fullRow(loser.bookingId)).toEqual(rows[loser.bookingId]);
  });

  it("refuses a move after the cut-off and leaves the booking as it was", async () => {
    const day = dayOffset++;
    const start = clinicTimeAhead(day, 10);
    const { bookingId, client } = await confirmedBooking(harness, { start });
    const before = await fullRow(bookingId);
    const error = await refusal(
      rescheduleBooking({
        bookingId,
        actor: { id: client.id, role: "CLIENT" },
        start: clinicTimeAhead(day + 1, 10),
        now: new Date(start.getTime() - 12 * HOUR_MS),
      }),
    );
    expect(error.kind).toBe("unprocessable");
    expect(error.message).toMatch(/up to 24 hours before/);
    expect(await fullRow(bookingId)).toEqual(before);
  });

  it("gives another client NotFound", async () => {
    const day = dayOffset++;
    const { bookingId } = await confirmedBooking(harness, { start: clinicTimeAhead(day, 10) });
    const stranger = await createClient();
    const error = await refusal(
      rescheduleBooking({ bookingId, actor: { id: stranger.id, role: "CLIENT" }, start: clinicTimeAhead(day, 12) }),
    );
    expect(error).toBeInstanceOf(NotFound);
  });

  it("refuses a time off the grid or outside the horizon as unprocessable", async () => {
    const day = dayOffset++;
    const { bookingId, client } = await confirmedBooking(harness, { start: clinicTimeAhead(day, 10) });
    const actor = { id: client.id, role: "CLIENT" as const };
    expect((await refusal(rescheduleBooking({ bookingId, actor, start: clinicTimeAhead(day, 12, 7) }))).kind).toBe(
      "unprocessable",
    );
    expect((await refusal(rescheduleBooking({ bookingId, actor, start: clinicTimeAhead(400, 12) }))).kind).toBe(
      "unprocessable",
    );
  });
});
