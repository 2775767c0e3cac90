// Creates the Stripe Checkout Session that pays for a held booking. Every parameter is derived from
// the booking's snapshot (amount, name, expiry; redirect URLs from APP_URL, never from request
// headers) and the idempotency key is the booking's, so a retried call gets the very same session
// back from Stripe instead of a second one.
import type Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { getStripe } from "./stripe-client";

export interface CheckoutBooking {
  id: string;
  clientId: string;
  clientEmail: string;
  serviceName: string;
  priceCents: number;
  currency: string;
  expiresAt: Date;
  /** Opened from a payment link staff emailed: the client may not be signed in, or have a password. */
  paymentLink?: boolean;
}

export function checkoutReturnUrls(
  bookingId: string,
  options: { paymentLink?: boolean } = {},
): { successUrl: string; cancelUrl: string } {
  const base = getEnv().APP_URL.replace(/\/$/, "");
  if (options.paymentLink) {
    return {
      successUrl: `${base}/pay/done?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${base}/pay/done?cancelled=1`,
    };
  }
  return {
    successUrl: `${base}/book/confirmed?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/book/checkout-cancelled?booking=${encodeURIComponent(bookingId)}`,
  };
}

export async function createCheckoutSession(booking: CheckoutBooking): Promise<Stripe.Checkout.Session> {
  const { successUrl, cancelUrl } = checkoutReturnUrls(booking.id, { paymentLink: booking.paymentLink });
  return getStripe().checkout.sessions.create(
    {
      mode: "payment",
      customer_email: booking.clientEmail,
      client_reference_id: booking.clientId,
      metadata: { bookingId: booking.id },
      payment_intent_data: { metadata: { bookingId: booking.id } },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: booking.currency,
            unit_amount: booking.priceCents,
            product_data: { name: booking.serviceName },
          },
        },
      ],
      // A little before the hold ends (Stripe's minimum is 30 minutes from creation).
      expires_at: Math.floor(booking.expiresAt.getTime() / 1000),
      success_url: successUrl,
      cancel_url: cancelUrl,
    },
    { idempotencyKey: `checkout-${booking.id}` },
  );
}

export async function retrieveCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  return getStripe().checkout.sessions.retrieve(sessionId);
}

/** Closes an open checkout so it can take no payment. An already closed one is fine as it is. */
export async function expireCheckoutSession(sessionId: string): Promise<void> {
  const session = await retrieveCheckoutSession(sessionId);
  if (session.status === "open") await getStripe().checkout.sessions.expire(sessionId);
}

/** What to log about a failed Stripe call: its kind and request id, never headers or raw text. */
export function describeStripeError(error: unknown): Record<string, unknown> {
  if (error && typeof error === "object" && "type" in error) {
    const { type, code, statusCode, requestId } = error as Record<string, unknown>;
    return { type, code, statusCode, requestId };
  }
  return { type: error instanceof Error ? error.name : typeof error };
}

/** The payment intent id of a paid session, whether Stripe sent it expanded or as an id. */
export function paymentIntentIdOf(session: Pick<Stripe.Checkout.Session, "payment_intent">): string | null {
  const intent = session.payment_intent;
  if (!intent) return null;
  return typeof intent === "string" ? intent : intent.id;
}
