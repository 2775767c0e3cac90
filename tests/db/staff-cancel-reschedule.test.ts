// Staff cancelling and moving an appointment on the client's behalf, on a real database and the
// Stripe emulator: an amount staff choose is refunded exactly once; more than was paid is a 422 with
// nothing changed; a therapist reaches only their own appointments (anyone else's is a 404 with
// nothing changed); staff may move an appointment after the client's online cut-off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking, cancelRefundKey } from "@/lib/booking/cancel-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { createBookableService } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { caught } from "../support/staff-scenario";

let harness: PaymentsHarness;
let dayOffset = 35;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const HOUR_MS = 3_600_000;

/** A paid, confirmed appointment with the first of two therapists, and both therapists as actors. */
async function paidAppointment(start = clinicTimeAhead(dayOffset++, 10)) {
  const bookable = await createBookableService({ therapists: 2 });
  const booked = await confirmedBooking(harness, { bookable, start });
  const [own, other] = bookable.therapists as [(typeof bookable.therapists)[0], (typeof bookable.therapists)[0]];
  return {
    ...booked,
    start,
    ownTherapist: { id: own.userId, role: "THERAPIST" as const },
    otherTherapist: { id: other.userId, role: "THERAPIST" as const },
  };
}

/** Everything a cancel or move could change: the row, its payment and refunds, audit and messages. */
async function snapshot(bookingId: string) {
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: { payments: { include: { refunds: true } } },
  });
  const audit = await prisma.auditLog.count({
    where: { entityId: bookingId, action: { in: ["booking.cancelled", "booking.rescheduled"] } },
  });
  const messages = await prisma.emailOutbox.count({
    where: { bookingId, template: { in: ["booking-cancelled", "booking-rescheduled"] } },
  });
  return { booking, audit, messages };
}

describe(`staff cancel and reschedule (${ENGINE})`, () => {
  it("refunds exactly the amount staff chose, once, however often they confirm", async () => {
    const { bookingId, service, ownTherapist } = await paidAppointment();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        cancelBooking({ bookingId, actor: ownTherapist, refundOverrideCents: 3000, reason: "Therapist ill" }),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof cancelBooking>>>).value).toMatchObject({
      refundCents: 3000,
      booking: { status: "CANCELLED", amountPaidCents: service.priceCents, amountRefundedCents: 3000 },
    });
    for (const outcome of outcomes.filter((candidate) => candidate.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(InvalidTransition);
    }
    expect(await caught(cancelBooking({ bookingId, actor: ownTherapist, refundOverrideCents: 3000 }))).toBeInstanceOf(
      InvalidTransition,
    );

    const { booking, audit, messages } = await snapshot(bookingId);
    expect(booking).toMatchObject({ cancelledById: ownTherapist.id, cancelReason: "Therapist ill" });
    expect(booking.payments).toHaveLength(1);
    expect(booking.payments[0]).toMatchObject({ status: "PARTIALLY_REFUNDED", amountRefundedCents: 3000 });
    expect(booking.payments[0]?.refunds).toEqual([
      expect.objectContaining({ amountCents: 3000, status: "SUCCEEDED", idempotencyKey: cancelRefundKey(bookingId) }),
    ]);
    const refundId = booking.payments[0]?.refunds[0]?.id;
    const sentToStripe = harness.emulator
      .events()
      .filter(
        (event) =>
          event.type === "refund.created" &&
          (event.data.object as { metadata?: { refundId?: string } }).metadata?.refundId === refundId,
      );
    expect(sentToStripe).toHaveLength(1);
    expect(audit).toBe(1);
    expect(messages).toBe(1);
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { entityId: bookingId, action: "booking.cancelled" } }),
    ).toMatchObject({ data: expect.objectContaining({ by: "staff", rule: "staff_override", refundCents: 3000 }) });
  });

  it("refuses an amount above what was paid with a 422 naming the limit, and changes nothing", async () => {
    const { bookingId, service } = await paidAppointment();
    const admin = await createUser({ role: "ADMIN" });
    const before = await snapshot(bookingId);

    const error = await caught(
      cancelBooking({ bookingId, actor: { id: admin.id, role: "ADMIN" }, refundOverrideCents: service.priceCents + 1 }),
    );

    expect(error).toBeInstanceOf(Unprocessable);
    expect((error as Unprocessable).kind).toBe("unprocessable");
    // In money, as staff type it: "A refund can be from $0.00 to $95.00."
    expect((error as Unprocessable).message).toBe(
      `A refund can be from $0.00 to ${formatMoney(service.priceCents, "usd")}.`,
    );
    expect((error as Unprocessable).fields).toEqual({ refundCents: [(error as Unprocessable).message] });
    expect(await snapshot(bookingId)).toEqual(before);
    expect(before.booking.status).toBe("CONFIRMED");
  });

  it("gives a therapist NotFound for another therapist's appointment, to cancel or to move, and changes nothing", async () => {
    const { bookingId, start, otherTherapist, ownTherapist } = await paidAppointment();
    const before = await snapshot(bookingId);

    const cancelling = await caught(cancelBooking({ bookingId, actor: otherTherapist, refundOverrideCents: 0 }));
    const moving = await caught(
      rescheduleBooking({ bookingId, actor: otherTherapist, start: new Date(start.getTime() + 5 * HOUR_MS) }),
    );

    expect(cancelling).toBeInstanceOf(NotFound);
    expect(moving).toBeInstanceOf(NotFound);
    expect(await snapshot(bookingId)).toEqual(before);
    // Their own therapist may: the scope is the therapist's, not a ban on therapists.
    await expect(cancelBooking({ bookingId, actor: ownTherapist })).resolves.toMatchObject({
      booking: { status: "CANCELLED" },
    });
  });

  it("lets staff move an appointment after the client's online cut-off, which the client may not", async () => {
    const { bookingId, start, client, ownTherapist, service } = await paidAppointment();
    const now = new Date(start.getTime() - 2 * HOUR_MS);
    const target = new Date(start.getTime() + 5 * HOUR_MS);

    const asClient = await caught(
      rescheduleBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, start: target, now }),
    );
    expect(asClient).toBeInstanceOf(Unprocessable);
    expect((asClient as Unprocessable).message).toMatch(/can be moved online up to \d+ hours before/);

    const { booking } = await rescheduleBooking({ bookingId, actor: ownTherapist, start: target, now });
    expect(booking).toMatchObject({
      status: "CONFIRMED",
      startsAt: target.toISOString(),
      amountPaidCents: service.priceCents,
      amountRefundedCents: 0,
    });
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { entityId: bookingId, action: "booking.rescheduled" } }),
    ).toMatchObject({ actorId: ownTherapist.id, data: expect.objectContaining({ by: "staff" }) });
    expect(await prisma.emailOutbox.count({ where: { bookingId, template: "booking-rescheduled" } })).toBe(1);
  });

  it("lets only an admin give an appointment to another therapist", async () => {
    const bookable = await createBookableService({ therapists: 2 });
    const [own, colleague] = bookable.therapists as [
      (typeof bookable.therapists)[number],
      (typeof bookable.therapists)[number],
    ];
    const start = clinicTimeAhead(20, 10);
    const { bookingId } = await confirmedBooking(harness, { bookable, start });
    const error = await caught(
      rescheduleBooking({
        bookingId,
        actor: { id: own.userId, role: "THERAPIST" },
        start: clinicTimeAhead(20, 12),
        therapistId: colleague.id,
      }),
    );
    expect(error).toBeInstanceOf(Unprocessable);
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row.therapistId).toBe(own.id);
    expect(row.startsAt.getTime()).toBe(start.getTime());
  });
});
