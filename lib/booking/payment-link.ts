// A payment link: staff hold a time for a client on the phone and the client pays through the
// emailed Checkout link. The hold lasts up to a day (never past the appointment), and the link is
// emailed once per checkout.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { bookingEmailFacts, bookingEmailSelect } from "@/lib/notifications/booking-email-facts";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { paymentLinkMessage } from "@/lib/notifications/templates/booking-messages";
import type { CreateBookingInput, CreatedBooking } from "./booking-request";
import { checkoutExpiryOf, HOLD_GRACE_MINUTES } from "./booking-view";
import { CHECKOUT_EXTRA_MINUTES, holdWithCheckout } from "./checkout-hold";

// A payment link stays open up to a day (Stripe's Checkout maximum is 24 hours from creation; the
// half hour short of it covers the minute added below and the moment before the session exists),
// but never past the appointment itself.
export const PAYMENT_LINK_HOLD_MINUTES = 23 * 60 + 30;

const MINUTE_MS = 60_000;

export async function createPaymentLinkBooking(
  input: CreateBookingInput & { bookedBy: NonNullable<CreateBookingInput["bookedBy"]> },
  now: Date,
): Promise<CreatedBooking> {
  const { holdId, ...made } = await holdWithCheckout(input, now, (slot) => {
    // Never shorter than a client's own checkout.
    const configured = getEnv().BOOKING_HOLD_MINUTES;
    const untilStart =
      Math.floor((slot.start.getTime() - Date.now()) / MINUTE_MS) - CHECKOUT_EXTRA_MINUTES - HOLD_GRACE_MINUTES;
    return Math.max(configured, Math.min(PAYMENT_LINK_HOLD_MINUTES, untilStart));
  });
  await sendPaymentLink(holdId, input.bookedBy.id, made.checkoutUrl);
  return made;
}

/** Emails the client the checkout URL of a hold staff made for them, once per checkout. */
async function sendPaymentLink(bookingId: string, actorId: string, checkoutUrl: string): Promise<void> {
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      ...bookingEmailSelect,
      clientId: true,
      holdExpiresAt: true,
      client: { select: { email: true, name: true } },
    },
  });
  const message = await paymentLinkMessage({
    ...bookingEmailFacts(booking),
    paymentUrl: checkoutUrl,
    payBy: booking.holdExpiresAt ? checkoutExpiryOf(booking.holdExpiresAt) : undefined,
  });
  const sessionId = checkoutUrl.split("/").pop()?.split("?")[0] ?? bookingId;
  await runTransaction(prisma, async (tx) => {
    const written = await enqueueEmail(tx, {
      toAddress: booking.client.email,
      template: "booking-payment-link",
      bookingId,
      userId: booking.clientId,
      dedupeKey: `booking-payment-link:${sessionId}`,
      ...message,
    });
    if (written) {
      await recordAudit(tx, {
        actorId,
        action: "booking.payment_link_sent",
        entityType: "Booking",
        entityId: bookingId,
      });
    }
  });
}
