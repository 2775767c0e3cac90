// cancelBooking on a real database and the Stripe emulator: the policy's refund, sent exactly once
// however often and however simultaneously the client cancels; nothing inside the cut-off; the fee
// waived for new calf symptoms; nobody cancels another client's appointment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking, cancelRefundKey } from "@/lib/booking/cancel-booking";
import { createBooking } from "@/lib/booking/create-booking";
import { prisma } from "@/lib/db";
import { DomainError, InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import { CLEAR_INTAKE, createBookableService, createClient } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";

let harness: PaymentsHarness;
let dayOffset = 5;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const HOUR_MS = 3_600_000;
const nextStart = () => clinicTimeAhead(dayOffset++, 10);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const paymentOf = (bookingId: string) =>
  prisma.payment.findFirstOrThrow({
    where: { bookingId },
    select: { status: true, amountCents: true, amountRefundedCents: true, refunds: true },
  });

const stripeRefundsFor = (refundId: string) =>
  harness.emulator
    .events()
    .filter(
      (event) =>
        event.type === "refund.created" &&
        (event.data.object as { metadata?: { refundId?: string } }).metadata?.refundId === refundId,
    );

describe(`cancelBooking (${ENGINE})`, () => {
  it("refunds in full ahead of the cut-off, with one audit entry and one message", async () => {
    const { bookingId, client, service } = await confirmedBooking(harness, { start: nextStart() });
    const result = await cancelBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, reason: "Travelling" });

    expect(result.refundCents).toBe(service.priceCents);
    expect(result.booking).toMatchObject({
      status: "CANCELLED",
      amountPaidCents: service.priceCents,
      amountRefundedCents: service.priceCents,
    });
    const payment = await paymentOf(bookingId);
    expect(payment.status).toBe("REFUNDED");
    expect(payment.refunds).toHaveLength(1);
    expect(payment.refunds[0]).toMatchObject({ idempotencyKey: cancelRefundKey(bookingId), status: "SUCCEEDED" });
    expect(stripeRefundsFor(payment.refunds[0]!.id)).toHaveLength(1);
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row).toMatchObject({ cancelledById: client.id, cancelReason: "Travelling" });
    expect(
      await prisma.auditLog.findMany({
        where: { entityId: bookingId, action: "booking.cancelled" },
        select: { data: true },
      }),
    ).toEqual([{ data: expect.objectContaining({ rule: "full_notice", refundCents: service.priceCents }) }]);
    const messages = await prisma.emailOutbox.findMany({ where: { bookingId, template: "booking-cancelled" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toMatch(/We are refunding \$95\.00/);
  });

  it("refunds once when the client cancels twice, one after the other and five at once", async () => {
    const { bookingId, client } = await confirmedBooking(harness, { start: nextStart() });
    const actor = { id: client.id, role: "CLIENT" as const };
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => cancelBooking({ bookingId, actor })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(InvalidTransition);
    }
    const again = await refusal(cancelBooking({ bookingId, actor }));
    expect(again).toBeInstanceOf(InvalidTransition);
    expect(again.kind).toBe("invalid_transition");

    const payment = await paymentOf(bookingId);
    expect(payment.refunds).toHaveLength(1);
    expect(payment.amountRefundedCents).toBe(payment.amountCents);
    expect(stripeRefundsFor(payment.refunds[0]!.id)).toHaveLength(1);
    expect(await prisma.emailOutbox.count({ where: { bookingId, template: "booking-cancelled" } })).toBe(1);
  });

  it("refunds nothing inside the cut-off", async () => {
    const start = nextStart();
    const { bookingId, client } = await confirmedBooking(harness, { start });
    const result = await cancelBooking({
      bookingId,
      actor: { id: client.id, role: "CLIENT" },
      now: new Date(start.getTime() - 23 * HOUR_MS),
    });
    expect(result.refundCents).toBe(0);
    expect(result.booking).toMatchObject({ status: "CANCELLED", amountRefundedCents: 0 });
    expect((await paymentOf(bookingId)).refunds).toEqual([]);
    const message = await prisma.emailOutbox.findFirstOrThrow({ where: { bookingId, template: "booking-cancelled" } });
    expect(message.text).toMatch(/not refunded/);
  });

  it("waives the fee inside the cut-off when the client has new calf symptoms", async () => {
    const start = nextStart();
    const { bookingId, client, service } = await confirmedBooking(harness, { start });
    const result = await cancelBooking({
      bookingId,
      actor: { id: client.id, role: "CLIENT" },
      newCalfSymptoms: true,
      now: new Date(start.getTime() - 3 * HOUR_MS),
    });
    expect(result.refundCents).toBe(service.priceCents);
    expect((await paymentOf(bookingId)).status).toBe("REFUNDED");
    const message = await prisma.emailOutbox.findFirstOrThrow({ where: { bookingId, template: "booking-cancelled" } });
    expect(message.text).toMatch(/no cancellation fee/);
    expect(message.text).toContain(SYMPTOM_ADVICE.sameDay);
    expect(message.text).toContain(SYMPTOM_ADVICE.emergency);
    // Guidance for anyone, not a record of the client's symptoms: health details stay out of email.
    expect(message.text).not.toMatch(/you told us|your (calf|symptoms)/i);
  });

  it("gives another client NotFound and changes nothing", async () => {
    const { bookingId } = await confirmedBooking(harness, { start: nextStart() });
    const stranger = await createClient();
    const error = await refusal(cancelBooking({ bookingId, actor: { id: stranger.id, role: "CLIENT" } }));
    expect(error).toBeInstanceOf(NotFound);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe("CONFIRMED");
    expect((await paymentOf(bookingId)).refunds).toEqual([]);
  });

  it("lets staff cancel with an amount of their own, and refuses an amount from a client", async () => {
    const start = nextStart();
    const { bookingId, client } = await confirmedBooking(harness, { start });
    const asClient = await refusal(
      cancelBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, refundOverrideCents: 100 }),
    );
    expect(asClient.kind).toBe("unprocessable");
    const admin = await createClient();
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const result = await cancelBooking({
      bookingId,
      actor: { id: admin.id, role: "ADMIN" },
      refundOverrideCents: 4000,
      now: new Date(start.getTime() - HOUR_MS),
    });
    expect(result.refundCents).toBe(4000);
    expect(await paymentOf(bookingId)).toMatchObject({ status: "PARTIALLY_REFUNDED", amountRefundedCents: 4000 });
  });

  it("cancels an unpaid hold without a refund and closes its checkout", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const held = await createBooking({ client, serviceSlug: service.slug, start: nextStart(), intake: CLEAR_INTAKE });
    const result = await cancelBooking({ bookingId: held.booking.id, actor: { id: client.id, role: "CLIENT" } });
    expect(result).toMatchObject({ refundCents: 0, booking: { status: "CANCELLED" } });
    expect((await paymentOf(held.booking.id)).status).toBe("EXPIRED");
  });
});
