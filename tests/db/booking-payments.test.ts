// Money and webhooks: a paid checkout confirms once however often and in whatever order Stripe
// speaks, a payment for a lost slot is refunded exactly once, and a bad signature changes nothing.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmCheckoutSession } from "@/lib/booking/confirm-paid-booking";
import { createBooking } from "@/lib/booking/create-booking";
import { getWebhookSecret } from "@/lib/payments/stripe-client";
import { handleStripeWebhook } from "@/lib/payments/webhooks/handle-stripe-webhook";
import { decideRefund, executeRefund } from "@/lib/payments/refund-payment";
import { runTransaction } from "@/lib/db/transaction";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";

let harness: PaymentsHarness;
let dayOffset = 10;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

async function heldBooking() {
  const { service } = await createBookableService();
  const result = await createBooking({
    client: await createClient(),
    serviceSlug: service.slug,
    start: clinicTimeAhead(dayOffset++, 10),
    intake: CLEAR_INTAKE,
  });
  const sessionId = result.checkoutUrl.split("/").pop() as string;
  return { ...result, sessionId, service };
}

const bookingState = (id: string) =>
  prisma.booking.findUniqueOrThrow({
    where: { id },
    select: { status: true, payments: { select: { status: true, amountRefundedCents: true, refunds: true } } },
  });
const outboxCount = (bookingId: string) => prisma.emailOutbox.count({ where: { bookingId } });
const signer = new Stripe("sk_test_signing_only");

function signedDelivery(event: unknown, options: { timestamp?: number; secret?: string } = {}) {
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? getWebhookSecret(),
    timestamp: options.timestamp,
  });
  return { payload, header };
}

describe(`payments and webhooks (${ENGINE})`, () => {
  it("confirms a paid booking through the emulator's webhook, with one confirmation message", async () => {
    const { booking, sessionId } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    const state = await bookingState(booking.id);
    expect(state.status).toBe("CONFIRMED");
    expect(state.payments[0]?.status).toBe("SUCCEEDED");
    const messages = await prisma.emailOutbox.findMany({ where: { bookingId: booking.id } });
    expect(messages.map((message) => message.template)).toEqual(["booking-confirmed"]);
    expect(messages[0]?.text).toMatch(/is confirmed for/);
  });

  it("confirms once when the same event arrives five times at once, and again later", async () => {
    const { booking, sessionId } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    const event = harness.emulator
      .events()
      .find(
        (candidate) =>
          candidate.type === "checkout.session.completed" && (candidate.data.object as { id: string }).id === sessionId,
      );
    expect(event).toBeDefined();
    const delivery = signedDelivery(event);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => handleStripeWebhook(delivery.payload, delivery.header)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.every((answer) => answer.body.outcome === "duplicate_event")).toBe(true);
    // The success page's own check goes through the same guarded path.
    expect(await confirmCheckoutSession(sessionId)).toBe("already_confirmed");
    expect((await bookingState(booking.id)).status).toBe("CONFIRMED");
    expect(await outboxCount(booking.id)).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: booking.id, action: "booking.confirmed" } })).toBe(1);
  });

  it("confirms once when five different deliveries race (webhook and success page)", async () => {
    const { booking, sessionId } = await heldBooking();
    // Pay without letting the emulator deliver first: its webhook races our own five confirmations.
    harness.emulator.pay(sessionId);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => confirmCheckoutSession(sessionId)));
    await harness.emulator.waitForWebhooks();
    expect(outcomes.filter((outcome) => outcome === "confirmed").length).toBeLessThanOrEqual(1);
    expect((await bookingState(booking.id)).status).toBe("CONFIRMED");
    expect(await outboxCount(booking.id)).toBe(1);
  });

  it("leaves a confirmed booking alone when its session's expiry event comes later", async () => {
    const { booking, sessionId } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    const expired = {
      id: `evt_test_late_expiry_${booking.id}`,
      object: "event",
      type: "checkout.session.expired",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: sessionId, object: "checkout.session", payment_status: "unpaid" } },
    };
    const delivery = signedDelivery(expired);
    const answer = await handleStripeWebhook(delivery.payload, delivery.header);
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: "unchanged" } });
    const state = await bookingState(booking.id);
    expect(state.status).toBe("CONFIRMED");
    expect(state.payments[0]?.refunds).toEqual([]);
  });

  it("refunds exactly once a payment that arrives after its hold expired", async () => {
    const { booking, sessionId, service } = await heldBooking();
    // The hold lapses and the slot is released before the money arrives.
    const expiry = {
      id: `evt_test_expired_first_${booking.id}`,
      object: "event",
      type: "checkout.session.expired",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: sessionId, object: "checkout.session", payment_status: "unpaid" } },
    };
    const first = signedDelivery(expiry);
    expect((await handleStripeWebhook(first.payload, first.header)).body.outcome).toBe("expired");
    expect((await bookingState(booking.id)).status).toBe("EXPIRED");

    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    await Promise.all([confirmCheckoutSession(sessionId), confirmCheckoutSession(sessionId)]);

    const state = await bookingState(booking.id);
    expect(state.status).toBe("EXPIRED");
    expect(state.payments[0]?.status).toBe("REFUNDED");
    expect(state.payments[0]?.amountRefundedCents).toBe(service.priceCents);
    expect(state.payments[0]?.refunds).toHaveLength(1);
    expect(state.payments[0]?.refunds[0]).toMatchObject({ status: "SUCCEEDED", amountCents: service.priceCents });
    const refundEvents = harness.emulator.events().filter((event) => event.type === "refund.created");
    const refundsOfThis = refundEvents.filter(
      (event) =>
        (event.data.object as { metadata?: { refundId?: string } }).metadata?.refundId ===
        state.payments[0]?.refunds[0]?.id,
    );
    expect(refundsOfThis).toHaveLength(1);
    const messages = await prisma.emailOutbox.findMany({
      where: { bookingId: booking.id },
      select: { template: true },
    });
    // The apology when the payment landed, and the notice once Stripe confirmed the refund: one each.
    expect(messages.map((message) => message.template).sort()).toEqual(["refund-sent", "slot-lost-refund"]);
  });

  it.each([
    ["unsigned", (payload: string) => ({ payload, header: null })],
    [
      "tampered",
      (payload: string) => ({ ...signedDelivery(JSON.parse(payload)), payload: payload.replace("paid", "PAID") }),
    ],
    [
      "stale (older than five minutes)",
      (payload: string) => signedDelivery(JSON.parse(payload), { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    ],
    [
      "signed with another secret",
      (payload: string) => signedDelivery(JSON.parse(payload), { secret: "whsec_not_ours" }),
    ],
  ])("answers a %s webhook with 400 and changes nothing", async (_label, tamper) => {
    const { booking, sessionId } = await heldBooking();
    const forged = {
      id: `evt_test_forged_${booking.id}`,
      object: "event",
      type: "checkout.session.completed",
      created: Math.floor(Date.now() / 1000),
      data: {
        object: { id: sessionId, object: "checkout.session", payment_status: "paid", payment_intent: "pi_forged" },
      },
    };
    const { payload, header } = tamper(JSON.stringify(forged));
    const answer = await handleStripeWebhook(payload, header);
    expect(answer.status).toBe(400);
    expect((await bookingState(booking.id)).status).toBe("PENDING_PAYMENT");
    expect(await prisma.stripeEvent.count({ where: { id: forged.id } })).toBe(0);
    expect(await outboxCount(booking.id)).toBe(0);
  });

  it("never refunds a visit that was confirmed and later cancelled when the success page checks again", async () => {
    const { booking, sessionId } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    // Cancelled later (inside the no-refund window, say): the policy decides any refund, not this path.
    await prisma.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await confirmCheckoutSession(sessionId)).toBe("already_confirmed");
    const state = await bookingState(booking.id);
    expect(state.payments[0]?.refunds).toEqual([]);
    expect(state.payments[0]?.status).toBe("SUCCEEDED");
  });

  it("decides two refunds at once one after the other: together never more than was paid", async () => {
    const { booking, sessionId, service } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    const payment = await prisma.payment.findFirstOrThrow({ where: { bookingId: booking.id } });
    const seventyPercent = Math.round(service.priceCents * 0.7);
    const decide = (key: string) =>
      runTransaction(prisma, (tx) =>
        decideRefund(tx, {
          paymentId: payment.id,
          amountCents: seventyPercent,
          reason: "test",
          idempotencyKey: key,
          createdById: null,
        }),
      );
    const outcomes = await Promise.allSettled([decide(`a-${payment.id}`), decide(`b-${payment.id}`)]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(Unprocessable);
    expect(await prisma.refund.count({ where: { paymentId: payment.id } })).toBe(1);
  });

  it("takes a refund off the books when Stripe later reports it failed", async () => {
    const { booking, sessionId, service } = await heldBooking();
    harness.emulator.pay(sessionId);
    await harness.emulator.waitForWebhooks();
    const payment = await prisma.payment.findFirstOrThrow({ where: { bookingId: booking.id } });
    const refundId = await runTransaction(prisma, (tx) =>
      decideRefund(tx, {
        paymentId: payment.id,
        amountCents: service.priceCents,
        reason: "test",
        idempotencyKey: `fail-${payment.id}`,
        createdById: null,
      }),
    );
    await executeRefund(refundId as string);
    expect((await bookingState(booking.id)).payments[0]).toMatchObject({
      status: "REFUNDED",
      amountRefundedCents: service.priceCents,
    });

    const refund = await prisma.refund.findUniqueOrThrow({ where: { id: refundId as string } });
    harness.emulator.failRefund(refund.stripeRefundId as string);
    await harness.emulator.waitForWebhooks();
    const after = await bookingState(booking.id);
    expect(after.payments[0]).toMatchObject({ status: "SUCCEEDED", amountRefundedCents: 0 });
    expect(after.payments[0]?.refunds[0]?.status).toBe("FAILED");
    expect(await prisma.auditLog.count({ where: { entityId: payment.id, action: "refund.failed" } })).toBe(1);
  });
});
