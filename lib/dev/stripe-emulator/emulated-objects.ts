// The Stripe objects the emulator serves, typed by the SDK's own resource types. Held to Stripe's
// published fixtures (../shared/stripe/fixtures3.json) by tests/unit/stripe-emulator-conformance:
// exactly the fixture's keys, with the fixture's JSON types, null only where Stripe allows it.
import type Stripe from "stripe";
import { STRIPE_API_VERSION } from "@/lib/payments/stripe-emulator-client";
import { createStripeId } from "./stripe-ids";

// stripe@23 describes API 2026-10-28, which adds fields the fixture (Stripe's 2026-08-21 snapshot)
// does not have. The emulator follows the fixture, so those few are left out of its types.
type FieldsNewerThanFixture = "allowed_payment_method_types" | "payment_record";

export type EmulatedPaymentIntent = Omit<Stripe.PaymentIntent, FieldsNewerThanFixture>;
export type EmulatedCheckoutSession = Omit<Stripe.Checkout.Session, FieldsNewerThanFixture | "payment_intent"> & {
  payment_intent: string | EmulatedPaymentIntent | null;
};
export type EmulatedRefund = Omit<Stripe.Refund, "payment_intent"> & {
  payment_intent: string | EmulatedPaymentIntent | null;
};

/** The events the emulator sends; names checked against the SDK's list of event types. */
export type EmulatedEventType = Extract<
  Stripe.Event["type"],
  "checkout.session.completed" | "checkout.session.expired" | "refund.created" | "refund.updated" | "refund.failed"
>;

export interface EmulatedEvent {
  id: string;
  object: "event";
  api_version: string | null;
  created: number;
  data: { object: EmulatedCheckoutSession | EmulatedRefund };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null } | null;
  type: EmulatedEventType;
}

/** Who caused an event: an API request (its id and idempotency key) or nobody (the page, a timer). */
export interface EventCause {
  requestId: string | null;
  idempotencyKey: string | null;
}

export function buildCheckoutSession(input: {
  id: string;
  created: number;
  expiresAt: number;
  url: string;
  currency: string;
  amountTotal: number;
  successUrl: string;
  cancelUrl: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  locale: string | null;
  submitType: EmulatedCheckoutSession["submit_type"];
}): EmulatedCheckoutSession {
  return {
    id: input.id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: "if_required",
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: {
        account_tax_ids: null,
        custom_fields: null,
        description: null,
        footer: null,
        issuer: null,
        metadata: {},
        rendering_options: null,
      },
    },
    livemode: false,
    locale: input.locale,
    managed_payments: null,
    metadata: input.metadata,
    mode: "payment",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: input.submitType,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: input.url,
    wallet_options: null,
  };
}

/** What Checkout records about the payer once the page is paid (the emulator asks only the email). */
export function buildCustomerDetails(email: string): NonNullable<EmulatedCheckoutSession["customer_details"]> {
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    business_name: null,
    email,
    individual_name: null,
    name: null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
}

/** The payment intent of a paid Checkout Session (Checkout creates it only when the payer pays). */
export function buildSucceededPaymentIntent(input: {
  created: number;
  amount: number;
  currency: string;
  chargeId: string;
  paymentMethodId: string;
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
}): EmulatedPaymentIntent {
  const id = createStripeId("paymentIntent");
  return {
    id,
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: input.amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: id + createStripeId("paymentIntentSecret"),
    confirmation_method: "automatic",
    created: input.created,
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: input.chargeId,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethodId,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildSucceededRefund(input: {
  created: number;
  amount: number;
  currency: string;
  chargeId: string;
  paymentIntentId: string;
  paymentMethodId: string;
  metadata: Record<string, string>;
  reason: EmulatedRefund["reason"];
}): EmulatedRefund {
  return {
    id: createStripeId("refund"),
    object: "refund",
    amount: input.amount,
    balance_transaction: createStripeId("balanceTransaction"),
    charge: input.chargeId,
    created: input.created,
    currency: input.currency,
    customer: null,
    customer_account: null,
    destination_details: { card: { type: "refund" }, type: "card" },
    metadata: input.metadata,
    payment_intent: input.paymentIntentId,
    payment_method: input.paymentMethodId,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}

/** Where Stripe sends the payer after paying: success_url with the session id filled in. */
export function buildSuccessRedirectUrl(session: EmulatedCheckoutSession): string {
  return (session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

/** An event carries a snapshot of the object as it was when the event happened. */
export function buildEvent(input: {
  type: EmulatedEventType;
  object: EmulatedCheckoutSession | EmulatedRefund;
  created: number;
  cause: EventCause;
  pendingWebhooks: number;
}): EmulatedEvent {
  return {
    id: createStripeId("event"),
    object: "event",
    api_version: STRIPE_API_VERSION,
    created: input.created,
    data: { object: structuredClone(input.object) },
    livemode: false,
    pending_webhooks: input.pendingWebhooks,
    request: { id: input.cause.requestId, idempotency_key: input.cause.idempotencyKey },
    type: input.type,
  };
}
