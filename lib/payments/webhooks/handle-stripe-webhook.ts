// Verifies a webhook delivery and hands the event to its handler: a thin switch, one file per
// event. A handler failure answers 500 so Stripe delivers the event again; every handler is safe
// to run again because the event id is stored with the change it caused.
import type Stripe from "stripe";
import { getStripe, getWebhookSecret } from "@/lib/payments/stripe-client";
import { handleCheckoutSessionCompleted } from "./checkout-session-completed";
import { handleCheckoutSessionExpired } from "./checkout-session-expired";
import { handleRefundUpdated } from "./refund-updated";

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
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        return { status: 200, body: { received: true, outcome: await handleCheckoutSessionCompleted(event) } };
      case "checkout.session.expired":
        return { status: 200, body: { received: true, outcome: await handleCheckoutSessionExpired(event) } };
      case "refund.updated":
      case "refund.failed":
        return { status: 200, body: { received: true, outcome: await handleRefundUpdated(event) } };
      default:
        return { status: 200, body: { received: true, outcome: "ignored" } };
    }
  } catch (error) {
    console.error("[stripe webhook] handler failed", event.type, event.id, error);
    return {
      status: 500,
      body: { received: false, error: { code: "internal", message: "The event could not be processed yet." } },
    };
  }
}
