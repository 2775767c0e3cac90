// Verifies a webhook delivery and hands the event to the domain function that handles it: a thin
// switch, each case passing the event's object and its id (stored with the change it causes, so a
// repeat delivery changes nothing). A handler failure answers 500 so Stripe delivers the event again; every handler is safe
// to run again because the event id is stored with the change it caused.
import type Stripe from "stripe";
import { confirmPaidBooking } from "@/lib/booking/confirm-paid-booking";
import { expireCheckoutHold } from "@/lib/booking/expire-booking-hold";
import { settleRefund } from "@/lib/payments/refund-payment";
import { getStripe, getWebhookSecret } from "@/lib/payments/stripe-client";

export interface WebhookResult {
  status: number;
  body: { received: boolean; outcome?: string; error?: { code: string; message: string } };
}

export async function handleStripeWebhook(payload: string, signature: string | null): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing signature");
    event = getStripe().webhooks.constructEvent(payload, signature, getWebhookSecret(), 300);
  } catch {
    return {
      status: 400,
      body: { received: false, error: { code: "invalid_signature", message: "The webhook signature is not valid." } },
    };
  }
  try {
    const received = { id: event.id, type: event.type };
    let outcome: string;
    switch (event.type) {
      // The client paid: confirm the booking (or refund a slot that was lost meanwhile).
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        outcome = await confirmPaidBooking(event.data.object, received);
        break;
      // The client never paid: release the hold on the slot.
      case "checkout.session.expired":
        outcome = await expireCheckoutHold(event.data.object.id, received);
        break;
      // A refund settled at Stripe after the call that created it, or failed (a closed card).
      case "refund.updated":
      case "refund.failed": {
        const refund = event.data.object;
        outcome = await settleRefund({ id: refund.id, status: refund.status, metadata: refund.metadata }, received);
        break;
      }
      default:
        outcome = "ignored";
    }
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    console.error("[stripe webhook] handler failed", event.type, event.id, error);
    return {
      status: 500,
      body: { received: false, error: { code: "internal", message: "The event could not be processed yet." } },
    };
  }
}
