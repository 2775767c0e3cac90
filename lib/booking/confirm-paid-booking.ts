// Confirms the booking a Checkout Session paid for, exactly once, whoever asks first: the webhook
// or the success page. A payment that arrives after its hold was released is refunded in full.
import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { bookingEmailFacts, bookingEmailSelect } from "@/lib/notifications/booking-email-facts";
import { calendarAttachments } from "@/lib/notifications/calendar-event";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bookingConfirmedMessage, slotLostRefundMessage } from "@/lib/notifications/templates/booking-messages";
import { paymentIntentIdOf, retrieveCheckoutSession } from "@/lib/payments/checkout";
import { recordStripeEvent } from "@/lib/payments/record-stripe-event";
import { decideRefund, executePendingRefundsOfSession } from "@/lib/payments/refund-payment";

export type ConfirmOutcome =
  | "amount_mismatch"
  | "confirmed"
  | "already_confirmed"
  | "refunding_lost_slot"
  | "not_paid"
  | "unknown_session"
  | "duplicate_event";

type PaidSession = Pick<
  Stripe.Checkout.Session,
  "id" | "payment_status" | "payment_intent" | "amount_total" | "currency"
>;

// Called by the checkout.session.completed webhook and by the success page (which retrieves the
// session itself), in any order and any number of times: one guarded update decides, so the booking
// is confirmed once and the confirmation message written once. A payment that arrives after its
// hold was released (the slot may be someone else's now) is refunded in full, exactly once.
export async function confirmPaidBooking(
  session: PaidSession,
  event?: { id: string; type: string },
): Promise<ConfirmOutcome> {
  const env = getEnv();
  const messages = await renderPaidBookingMessages(session.id);
  const outcome = await runTransaction(prisma, async (tx): Promise<{ outcome: ConfirmOutcome }> => {
    if ((await recordStripeEvent(tx, event)) === "duplicate") return { outcome: "duplicate_event" };
    if (session.payment_status !== "paid") return { outcome: "not_paid" };
    const payment = await tx.payment.findUnique({
      where: { stripeCheckoutSessionId: session.id },
      select: {
        id: true,
        amountCents: true,
        currency: true,
        booking: {
          select: {
            id: true,
            status: true,
            startsAt: true,
            endsAt: true,
            calendarSequence: true,
            serviceName: true,
            clientId: true,
            client: { select: { email: true, name: true } },
            therapist: { select: { displayName: true } },
          },
        },
      },
    });
    if (!payment || !messages) return { outcome: "unknown_session" };
    const { booking } = payment;
    // Defence in depth: the session was created for this amount; anything else is not ours to book.
    if (session.amount_total !== payment.amountCents || session.currency?.toLowerCase() !== payment.currency.trim()) {
      await recordAudit(tx, {
        actorId: null,
        action: "payment.amount_mismatch",
        entityType: "Payment",
        entityId: payment.id,
        data: { sessionAmount: session.amount_total, sessionCurrency: session.currency ?? null },
      });
      return { outcome: "amount_mismatch" };
    }

    await tx.payment.updateMany({
      where: { id: payment.id, status: { in: ["PENDING", "EXPIRED", "FAILED"] } },
      data: { status: "SUCCEEDED", paidAt: new Date(), stripePaymentIntentId: paymentIntentIdOf(session) },
    });
    const confirmed = await tx.booking.updateMany({
      where: { id: booking.id, status: "PENDING_PAYMENT" },
      data: { status: "CONFIRMED", confirmedAt: new Date() },
    });
    if (confirmed.count === 1) {
      await recordAudit(tx, {
        actorId: null,
        action: "booking.confirmed",
        entityType: "Booking",
        entityId: booking.id,
        data: { checkoutSessionId: session.id, eventId: event?.id ?? null },
      });
      await enqueueEmail(tx, {
        toAddress: booking.client.email,
        template: "booking-confirmed",
        bookingId: booking.id,
        userId: booking.clientId,
        dedupeKey: `booking-confirmed:${booking.id}`,
        ...messages.confirmed,
        attachments: calendarAttachments(
          {
            id: booking.id,
            status: "CONFIRMED",
            startsAt: booking.startsAt,
            endsAt: booking.endsAt,
            serviceName: booking.serviceName,
            therapistName: booking.therapist.displayName,
            sequence: booking.calendarSequence,
            attendee: booking.client,
          },
          env.APP_URL,
          "REQUEST",
        ),
      });
      return { outcome: "confirmed" };
    }

    const current = await tx.booking.findUniqueOrThrow({
      where: { id: booking.id },
      select: { status: true, confirmedAt: true },
    });
    // Confirmed once already (and perhaps cancelled since, under the policy): nothing to do here.
    if (current.confirmedAt !== null) return { outcome: "already_confirmed" };
    // EXPIRED or CANCELLED before the money arrived: the slot was released, so the money goes back.
    const refundId = await decideRefund(tx, {
      paymentId: payment.id,
      amountCents: payment.amountCents,
      reason: "slot_lost",
      idempotencyKey: `slot-lost-${payment.id}`,
      createdById: null,
    });
    if (refundId) {
      await enqueueEmail(tx, {
        toAddress: booking.client.email,
        template: "slot-lost-refund",
        bookingId: booking.id,
        userId: booking.clientId,
        dedupeKey: `slot-lost-refund:${booking.id}`,
        ...messages.slotLost,
      });
    }
    return { outcome: "refunding_lost_slot" };
  });

  // Outside the transaction: a call to Stripe must never hold database locks. If it fails, the
  // refund stays PENDING and the next delivery (a duplicate event included) sends it.
  await executePendingRefundsOfSession(session.id);
  return outcome.outcome;
}

/**
 * Both messages this confirmation may write, rendered before its transaction: no locks are held
 * while a template renders. What they say holds inside it: a booking waiting for payment is never
 * moved (only a confirmed one can be), and one that lost its slot is not changed again.
 */
async function renderPaidBookingMessages(checkoutSessionId: string) {
  const payment = await prisma.payment.findUnique({
    where: { stripeCheckoutSessionId: checkoutSessionId },
    select: { booking: { select: bookingEmailSelect } },
  });
  if (!payment) return null;
  const facts = bookingEmailFacts(payment.booking);
  return { confirmed: await bookingConfirmedMessage(facts), slotLost: await slotLostRefundMessage(facts) };
}

/** The success page's check: asks Stripe about the session and confirms through the same path. */
export async function confirmCheckoutSession(checkoutSessionId: string): Promise<ConfirmOutcome> {
  const session = await retrieveCheckoutSession(checkoutSessionId);
  return confirmPaidBooking(session);
}
