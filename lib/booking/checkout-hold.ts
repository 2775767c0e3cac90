// A hold and its Stripe Checkout Session: a client's own booking, and the hold behind a payment link
// staff send (payment-link.ts). One transaction holds the slot or answers a repeat (hold-slot.ts);
// the Checkout Session is then created outside it with the booking's idempotency key, and recorded
// only while the hold is still held (else it is expired at once).
import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import type { ClientHold } from "@/lib/availability/load-availability-inputs";
import { checkOnlineSignature } from "@/lib/clinical/consent-signatures";
import { getSql, prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, PaymentsUnavailable, Unprocessable } from "@/lib/errors/domain-errors";
import {
  createCheckoutSession,
  describeStripeError,
  expireCheckoutSession,
  retrieveCheckoutSession,
} from "@/lib/payments/checkout";
import { actorIdOf, type CreateBookingInput, type CreatedBooking } from "./booking-request";
import { checkoutExpiryOf, HOLD_GRACE_MINUTES, toBookingView, type BookingView } from "./booking-view";
import type { BookableSlot } from "./find-bookable-slot";
import { asBookingConflict, holdSlot, recordCheckoutSession, type HoldOutcome } from "./hold-slot";

/**
 * Holds the slot and opens its checkout. `holdMinutes` is how long the checkout stays open for
 * this slot (a client's own: the configured minutes; a payment link: up to a day); the hold
 * outlives it by a few minutes.
 */
export async function holdWithCheckout(
  input: CreateBookingInput,
  now: Date,
  holdMinutes: (slot: BookableSlot) => number,
): Promise<CreatedBooking & { holdId: string }> {
  // A client's own booking needs the current consent (signed before, or signed with this request,
  // checked here and written in the hold's transaction); staff bookings are signed at the desk.
  const sign = !input.bookedBy && input.consent ? await checkOnlineSignature(input.client.id, input.consent) : null;
  let outcome: HoldOutcome;
  try {
    outcome = await holdSlot({
      clientId: input.client.id,
      serviceSlug: input.serviceSlug,
      therapistId: input.therapistId,
      start: input.start,
      intake: input.intake,
      now,
      actorId: actorIdOf(input),
      bookedById: input.bookedBy?.id ?? null,
      consent: input.bookedBy ? undefined : { sign },
      holdMinutes: (slot) => holdMinutes(slot) + CHECKOUT_EXTRA_MINUTES + HOLD_GRACE_MINUTES,
    });
  } catch (error) {
    throw asBookingConflict(error);
  }
  if (outcome.kind === "held") {
    invalidateAvailability();
    await expireCheckoutsOf(outcome.releasedCheckouts);
  }
  const opened = await openCheckout(outcome.hold, input.client, { createdNow: outcome.kind === "held" });
  return { ...opened, reused: outcome.kind === "repeat", holdId: outcome.hold.id };
}

// The hold outlives its checkout by a few minutes, so a payment made in the checkout's last
// seconds still finds its slot held; and the checkout gets a minute more than Stripe's 30-minute
// minimum, counted from now, because the session is created a moment after this insert.
export const CHECKOUT_EXTRA_MINUTES = 1;

// Best effort: a released hold's checkout should not take money any more. If this fails, a payment
// that still arrives finds the hold released and is refunded in full.
export async function expireCheckoutsOf(sessionIds: string[]): Promise<void> {
  for (const sessionId of sessionIds) {
    try {
      await expireCheckoutSession(sessionId);
    } catch (error) {
      console.warn("[booking] could not expire a released checkout", sessionId, describeStripeError(error));
    }
  }
}

/** A hold as the API shows it: built from what the transaction read, with no further query. */
function holdView(hold: ClientHold): BookingView {
  return toBookingView({
    id: hold.id,
    status: "PENDING_PAYMENT",
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
    serviceName: hold.serviceName,
    priceCents: hold.priceCents,
    currency: hold.currency,
    holdExpiresAt: hold.holdExpiresAt,
    service: { slug: hold.serviceSlug },
    therapist: { id: hold.therapistId, displayName: hold.therapistName },
    payments: [],
  });
}

// The Checkout Session of a held booking: created once, with parameters taken only from the
// booking's own snapshot and its idempotency key (so a repeat racing the first request gets the
// very same session from Stripe); on a repeat after it was recorded, the session recorded.
async function openCheckout(
  hold: ClientHold,
  client: { id: string; email: string },
  { createdNow }: { createdNow: boolean },
): Promise<{ booking: BookingView; checkoutUrl: string }> {
  let session: Stripe.Checkout.Session;
  try {
    session = hold.checkoutSessionId
      ? await retrieveCheckoutSession(hold.checkoutSessionId)
      : await createCheckoutSession({
          id: hold.id,
          clientId: client.id,
          clientEmail: client.email,
          serviceName: hold.serviceName,
          priceCents: hold.priceCents,
          currency: hold.currency,
          expiresAt: checkoutExpiryOf(hold.holdExpiresAt as Date),
          paymentLink: hold.bookedById !== null,
        });
  } catch (error) {
    console.error("[booking] checkout session could not be opened", hold.id, describeStripeError(error));
    // Only a hold made by this very request is released; a repeat leaves the earlier checkout alone.
    if (createdNow) await releaseHold(hold.id);
    throw new PaymentsUnavailable();
  }
  if (!session.url || session.status !== "open") {
    throw new Unprocessable("This checkout has closed. Please choose your time again.");
  }
  if (!hold.checkoutSessionId && (await recordCheckoutSession(getSql(), hold, session.id)) === "released") {
    // The client's newer request let this hold go while its checkout was being opened: close the
    // checkout too, so it can never take a payment for a time that is no longer held.
    await expireCheckoutsOf([session.id]);
    throw new InvalidTransition(
      "You chose another time in the meantime, so this one was let go. Please check your appointments.",
    );
  }
  return { booking: holdView(hold), checkoutUrl: session.url };
}

async function releaseHold(bookingId: string): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    const released = await tx.booking.updateMany({
      where: { id: bookingId, status: "PENDING_PAYMENT" },
      data: { status: "EXPIRED" },
    });
    if (released.count === 1) {
      await recordAudit(tx, {
        actorId: null,
        action: "booking.hold_released",
        entityType: "Booking",
        entityId: bookingId,
        data: { reason: "checkout_unavailable" },
      });
    }
  });
  invalidateAvailability();
}
