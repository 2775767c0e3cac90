// The emulator's in-memory Stripe account: sessions, payment intents, refunds and events, and the
// rules Stripe applies to them. Synchronous on purpose: the HTTP server runs each request's state
// change in one turn of the event loop, so two requests never interleave halfway.
import { invalidRequest, missingResource } from "./emulator-error";
import {
  buildCheckoutSession,
  buildCustomerDetails,
  buildEvent,
  buildSucceededPaymentIntent,
  buildSucceededRefund,
  type EmulatedCheckoutSession,
  type EmulatedEvent,
  type EmulatedEventType,
  type EmulatedPaymentIntent,
  type EmulatedRefund,
  type EventCause,
} from "./emulated-objects";
import { formatMinorAmount } from "./format-amount";
import type { CheckoutLineItemParams, CreateCheckoutSessionParams, CreateRefundParams } from "./request-schemas";
import { createStripeId } from "./stripe-ids";

/** Stripe's documented bounds for a Checkout Session's expires_at, measured from its creation. */
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
/** Stripe's largest amount for a single charge, in minor units. */
const MAX_AMOUNT = 99_999_999;
/** Stripe's minimum charge per currency (minor units); others default to 1 here. */
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, nzd: 50 };

const NO_CAUSE: EventCause = { requestId: null, idempotencyKey: null };

export interface CheckoutSessionRecord {
  session: EmulatedCheckoutSession;
  lineItems: CheckoutLineItemParams[];
  paymentIntentData: NonNullable<CreateCheckoutSessionParams["payment_intent_data"]>;
}

interface PaymentIntentRecord {
  intent: EmulatedPaymentIntent;
  chargeId: string;
  paymentMethodId: string;
}

export interface EmulatorStateOptions {
  /** Milliseconds since the epoch; injectable so tests can move time forward. */
  now: () => number;
  checkoutPageUrl: (sessionId: string) => string;
  /** How many webhook endpoints each new event is pending for (0 or 1). */
  pendingWebhooks: number;
  onEvent: (event: EmulatedEvent) => void;
}

export class EmulatorState {
  private readonly sessions = new Map<string, CheckoutSessionRecord>();
  private readonly paymentIntents = new Map<string, PaymentIntentRecord>();
  private readonly paymentIntentIdByCharge = new Map<string, string>();
  private readonly refunds = new Map<string, EmulatedRefund>();
  private readonly events = new Map<string, EmulatedEvent>();

  constructor(private readonly options: EmulatorStateOptions) {}

  private nowSeconds(): number {
    return Math.floor(this.options.now() / 1000);
  }

  private emit(type: EmulatedEventType, object: EmulatedCheckoutSession | EmulatedRefund, cause: EventCause): void {
    const event = buildEvent({
      type,
      object,
      created: this.nowSeconds(),
      cause,
      pendingWebhooks: this.options.pendingWebhooks,
    });
    this.events.set(event.id, event);
    this.options.onEvent(event);
  }

  createCheckoutSession(params: CreateCheckoutSessionParams): EmulatedCheckoutSession {
    const created = this.nowSeconds();
    const currencies = new Set(params.line_items.map((item) => item.price_data.currency));
    const [currency] = currencies;
    if (currency === undefined || currencies.size > 1) {
      throw invalidRequest("All line items must use the same currency.", "line_items");
    }
    const amountTotal = params.line_items.reduce((sum, item) => sum + item.price_data.unit_amount * item.quantity, 0);
    const minimum = MINIMUM_CHARGE[currency] ?? 1;
    if (amountTotal < minimum) {
      throw invalidRequest(
        `The Checkout Session's total amount due must add up to at least ${formatMinorAmount(minimum, currency)} ${currency}`,
        "line_items",
      );
    }
    if (amountTotal > MAX_AMOUNT) {
      throw invalidRequest(
        `The Checkout Session's total amount due must be no more than ${formatMinorAmount(MAX_AMOUNT, currency)}`,
        "line_items",
      );
    }
    const expiresAt = params.expires_at ?? created + MAX_EXPIRY_SECONDS;
    if (expiresAt - created < MIN_EXPIRY_SECONDS) {
      throw invalidRequest(
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        "expires_at",
      );
    }
    if (expiresAt - created > MAX_EXPIRY_SECONDS) {
      throw invalidRequest(
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        "expires_at",
      );
    }
    const id = createStripeId("checkoutSession");
    const session = buildCheckoutSession({
      id,
      created,
      expiresAt,
      url: this.options.checkoutPageUrl(id),
      currency,
      amountTotal,
      successUrl: params.success_url,
      cancelUrl: params.cancel_url ?? null,
      customerEmail: params.customer_email ?? null,
      clientReferenceId: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      locale: params.locale ?? null,
      submitType: params.submit_type ?? null,
    });
    this.sessions.set(id, {
      session,
      lineItems: params.line_items,
      paymentIntentData: params.payment_intent_data ?? {},
    });
    return session;
  }

  /** A session past its expires_at is expired on first sight, before anyone reads it as open. */
  getCheckoutSessionRecord(id: string): CheckoutSessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw missingResource("checkout.session", id);
    this.expireIfDue(record);
    return record;
  }

  getCheckoutSession(id: string): EmulatedCheckoutSession {
    return this.getCheckoutSessionRecord(id).session;
  }

  private expireIfDue(record: CheckoutSessionRecord): boolean {
    if (record.session.status !== "open" || this.nowSeconds() < record.session.expires_at) return false;
    this.markExpired(record, NO_CAUSE);
    return true;
  }

  private markExpired(record: CheckoutSessionRecord, cause: EventCause): void {
    record.session.status = "expired";
    record.session.url = null;
    this.emit("checkout.session.expired", record.session, cause);
  }

  /** How many sessions are open, complete and expired: what /health reports, for a deployment check. */
  countCheckoutSessions(): { open: number; complete: number; expired: number } {
    const counts = { open: 0, complete: 0, expired: 0 };
    for (const record of this.sessions.values()) {
      this.expireIfDue(record);
      for (const status of ["open", "complete", "expired"] as const) {
        if (record.session.status === status) counts[status] += 1;
      }
    }
    return counts;
  }

  /** Expires every open session whose time is up; returns how many. */
  sweepExpiredSessions(): number {
    let expired = 0;
    for (const record of this.sessions.values()) if (this.expireIfDue(record)) expired += 1;
    return expired;
  }

  expireCheckoutSession(id: string, cause: EventCause = NO_CAUSE): EmulatedCheckoutSession {
    const record = this.getCheckoutSessionRecord(id);
    if (record.session.status !== "open") {
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${record.session.status}".`,
      );
    }
    this.markExpired(record, cause);
    return record.session;
  }

  /** What pressing Pay does: a succeeded payment intent and a complete, paid session. */
  completeCheckoutSession(id: string, payer: { email?: string } = {}): EmulatedCheckoutSession {
    const record = this.getCheckoutSessionRecord(id);
    const { session } = record;
    if (session.status !== "open") {
      throw invalidRequest(`This Checkout Session is ${session.status} and can no longer be paid.`);
    }
    const email = payer.email ?? session.customer_email;
    if (email === null) throw invalidRequest("An email address is required to pay.", "email");
    const chargeId = createStripeId("charge");
    const paymentMethodId = createStripeId("paymentMethod");
    const intent = buildSucceededPaymentIntent({
      created: this.nowSeconds(),
      amount: session.amount_total ?? 0,
      currency: session.currency ?? "usd",
      chargeId,
      paymentMethodId,
      metadata: record.paymentIntentData.metadata ?? {},
      description: record.paymentIntentData.description ?? null,
      receiptEmail: record.paymentIntentData.receipt_email ?? null,
    });
    this.paymentIntents.set(intent.id, { intent, chargeId, paymentMethodId });
    this.paymentIntentIdByCharge.set(chargeId, intent.id);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = intent.id;
    session.url = null;
    session.customer_details = buildCustomerDetails(email);
    session.collected_information = { business_name: null, individual_name: null, shipping_details: null };
    this.emit("checkout.session.completed", session, NO_CAUSE);
    return session;
  }

  getPaymentIntent(id: string): EmulatedPaymentIntent {
    const record = this.paymentIntents.get(id);
    if (!record) throw missingResource("payment_intent", id);
    return record.intent;
  }

  /** Refunded so far: refunds that failed gave their money back to the refundable amount. */
  private refundedAmount(paymentIntentId: string): number {
    let total = 0;
    for (const refund of this.refunds.values()) {
      if (refund.payment_intent === paymentIntentId && refund.status !== "failed") total += refund.amount;
    }
    return total;
  }

  /** The payment a refund names, by payment intent or by its charge; naming an unknown one is a 400. */
  private findRefundedPayment(params: CreateRefundParams): PaymentIntentRecord {
    if (params.payment_intent !== undefined) {
      const record = this.paymentIntents.get(params.payment_intent);
      if (!record) throw missingResource("payment_intent", params.payment_intent, "payment_intent", 400);
      return record;
    }
    const chargeId = params.charge ?? "";
    const record = this.paymentIntents.get(this.paymentIntentIdByCharge.get(chargeId) ?? "");
    if (!record) throw missingResource("charge", chargeId, "charge", 400);
    return record;
  }

  createRefund(params: CreateRefundParams, cause: EventCause): EmulatedRefund {
    const record = this.findRefundedPayment(params);
    const { intent, chargeId } = record;
    if (intent.status !== "succeeded") {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        "payment_intent",
      );
    }
    const remaining = intent.amount_received - this.refundedAmount(intent.id);
    if (remaining <= 0) {
      throw invalidRequest(`Charge ${chargeId} has already been refunded.`, undefined, "charge_already_refunded");
    }
    const amount = params.amount ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatMinorAmount(amount, intent.currency)}) is greater than unrefunded amount on charge (${formatMinorAmount(remaining, intent.currency)})`,
        "amount",
        "amount_too_large",
      );
    }
    const refund = buildSucceededRefund({
      created: this.nowSeconds(),
      amount,
      currency: intent.currency,
      chargeId,
      paymentIntentId: intent.id,
      paymentMethodId: record.paymentMethodId,
      metadata: params.metadata ?? {},
      reason: params.reason ?? null,
    });
    this.refunds.set(refund.id, refund);
    this.emit("refund.created", refund, cause);
    return refund;
  }

  getRefund(id: string): EmulatedRefund {
    const refund = this.refunds.get(id);
    if (!refund) throw missingResource("refund", id);
    return refund;
  }

  /** A card refund can fail after it was accepted (a closed card): Stripe then sends refund.updated and refund.failed. */
  failRefund(id: string): EmulatedRefund {
    const refund = this.getRefund(id);
    if (refund.status === "failed") throw invalidRequest(`Refund ${id} has already failed.`);
    refund.status = "failed";
    refund.failure_reason = "expired_or_canceled_card";
    refund.failure_balance_transaction = createStripeId("balanceTransaction");
    this.emit("refund.updated", refund, NO_CAUSE);
    this.emit("refund.failed", refund, NO_CAUSE);
    return refund;
  }

  getEvent(id: string): EmulatedEvent {
    const event = this.events.get(id);
    if (!event) throw missingResource("event", id);
    return event;
  }

  listEvents(): EmulatedEvent[] {
    return [...this.events.values()];
  }

  markEventDelivered(eventId: string): void {
    const event = this.events.get(eventId);
    if (event) event.pending_webhooks = 0;
  }
}
