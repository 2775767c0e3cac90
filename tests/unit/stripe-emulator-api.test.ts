// The emulator's API behaves like Stripe's where the app depends on it: idempotency keys, Stripe's
// validation (expires_at bounds, unknown parameters) raised by the SDK as its typed errors, refunds
// capped at what is left to refund.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import {
  bookingCheckoutParams,
  startEmulatorHarness,
  type EmulatorHarness,
} from "@/tests/support/stripe-emulator-harness";

let harness: EmulatorHarness;

beforeAll(async () => {
  harness = await startEmulatorHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The error a call was rejected with, so a test can look at its type, status, param and message. */
async function rejectionOf(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("expected the call to be rejected");
}

async function paidPaymentIntentId(amount = 9500): Promise<string> {
  const session = await harness.stripe.checkout.sessions.create(
    bookingCheckoutParams({
      line_items: [
        { price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Calf massage" } }, quantity: 1 },
      ],
    }),
  );
  const { session: paid } = harness.emulator.pay(session.id);
  if (typeof paid.payment_intent !== "string") throw new Error("a paid session names its payment intent");
  return paid.payment_intent;
}

describe("idempotency keys", () => {
  it("replays the first result for the same key and the same parameters", async () => {
    const params = bookingCheckoutParams();
    const first = await harness.stripe.checkout.sessions.create(params, { idempotencyKey: "booking-1-checkout" });
    const again = await harness.stripe.checkout.sessions.create(params, { idempotencyKey: "booking-1-checkout" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
  });

  it("refuses the same key with different parameters", async () => {
    const params = bookingCheckoutParams();
    await harness.stripe.checkout.sessions.create(params, { idempotencyKey: "booking-2-checkout" });
    const error = await rejectionOf(
      harness.stripe.checkout.sessions.create(
        { ...params, metadata: { bookingId: "another" } },
        { idempotencyKey: "booking-2-checkout" },
      ),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain("same parameters they were first used with");
  });

  it("refuses the same key on another endpoint", async () => {
    const intentId = await paidPaymentIntentId();
    await harness.stripe.checkout.sessions.create(bookingCheckoutParams(), { idempotencyKey: "shared-key" });
    const error = await rejectionOf(
      harness.stripe.refunds.create({ payment_intent: intentId }, { idempotencyKey: "shared-key" }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.message).toContain("same endpoint");
  });

  it("keeps no result for a request refused by validation, so the key can be used again", async () => {
    const params = bookingCheckoutParams();
    await rejectionOf(
      harness.stripe.checkout.sessions.create({ ...params, expires_at: 1 }, { idempotencyKey: "retry-after-fix" }),
    );
    const session = await harness.stripe.checkout.sessions.create(params, { idempotencyKey: "retry-after-fix" });
    expect(session.status).toBe("open");
  });
});

describe("checkout session validation", () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ["29 minutes ahead", 29 * 60, "at least 30 minutes"],
    ["25 hours ahead", 25 * 60 * 60, "less than 24 hours"],
    ["in the past", -60, "at least 30 minutes"],
  ])("refuses expires_at %s", async (_label, offset, message) => {
    const error = await rejectionOf(
      harness.stripe.checkout.sessions.create(bookingCheckoutParams({ expires_at: now() + offset })),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe("expires_at");
    expect(error.message).toContain(message);
  });

  it("accepts expires_at from 30 minutes to 24 hours ahead, and defaults to 24 hours", async () => {
    const soon = await harness.stripe.checkout.sessions.create(
      bookingCheckoutParams({ expires_at: now() + 30 * 60 + 5 }),
    );
    const late = await harness.stripe.checkout.sessions.create(
      bookingCheckoutParams({ expires_at: now() + 24 * 60 * 60 - 5 }),
    );
    const unset = await harness.stripe.checkout.sessions.create(bookingCheckoutParams({ expires_at: undefined }));
    expect([soon.status, late.status]).toEqual(["open", "open"]);
    expect(unset.expires_at - unset.created).toBe(24 * 60 * 60);
  });

  it.each([
    ["a missing required parameter", { success_url: undefined }, "success_url", "Missing required param: success_url."],
    [
      "an unknown parameter",
      { automatic_tax: { enabled: true } },
      "automatic_tax",
      "Received unknown parameter: automatic_tax",
    ],
    ["a mode other than payment", { mode: "subscription" as const }, "mode", "mode=payment only"],
    ["a relative success_url", { success_url: "/book/confirmed" }, "success_url", "Not a valid URL"],
    ["a malformed customer_email", { customer_email: "not-an-email" }, "customer_email", "Invalid email"],
    [
      "a line item by price id",
      { line_items: [{ price: "price_123", quantity: 1 }] },
      "line_items[0][price]",
      "price_data only",
    ],
    [
      "a negative unit_amount",
      { line_items: [{ price_data: { currency: "usd", unit_amount: -5, product_data: { name: "x" } }, quantity: 1 }] },
      "line_items[0][price_data][unit_amount]",
      "at least 0",
    ],
    [
      "a total under Stripe's minimum charge",
      { line_items: [{ price_data: { currency: "usd", unit_amount: 49, product_data: { name: "x" } }, quantity: 1 }] },
      "line_items",
      "at least $0.50 usd",
    ],
    [
      "line items in two currencies",
      {
        line_items: [
          { price_data: { currency: "usd", unit_amount: 5000, product_data: { name: "a" } }, quantity: 1 },
          { price_data: { currency: "eur", unit_amount: 5000, product_data: { name: "b" } }, quantity: 1 },
        ],
      },
      "line_items",
      "same currency",
    ],
    ["an expansion the emulator does not model", { expand: ["line_items"] }, "expand[0]", "cannot be expanded"],
  ] satisfies Array<[string, Partial<Stripe.Checkout.SessionCreateParams>, string, string]>)(
    "refuses %s with a typed error naming the parameter",
    async (_label, overrides, param, message) => {
      const error = await rejectionOf(harness.stripe.checkout.sessions.create(bookingCheckoutParams(overrides)));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error.statusCode).toBe(400);
      expect(error.param).toBe(param);
      expect(error.message).toContain(message);
    },
  );

  it("answers 404 resource_missing for an unknown session", async () => {
    const error = await rejectionOf(harness.stripe.checkout.sessions.retrieve("cs_test_nope"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });
    expect(error.message).toBe("No such checkout.session: 'cs_test_nope'");
  });

  it("expires only an open session", async () => {
    const session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
    harness.emulator.pay(session.id);
    const error = await rejectionOf(harness.stripe.checkout.sessions.expire(session.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.message).toContain('status in ["open"]');
  });

  it("answers 404 for an endpoint it does not serve", async () => {
    const error = await rejectionOf(harness.stripe.customers.create({ email: "a@b.test" }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain("Unrecognized request URL (POST: /v1/customers)");
  });

  it("accepts test-mode keys only", async () => {
    const live = new Stripe("sk_live_not_a_real_key", {
      host: "127.0.0.1",
      port: harness.emulator.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    const error = await rejectionOf(live.checkout.sessions.create(bookingCheckoutParams()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe("refunds", () => {
  it("refunds what is left when no amount is given, then refuses any more", async () => {
    const intentId = await paidPaymentIntentId(9500);
    const partial = await harness.stripe.refunds.create({ payment_intent: intentId, amount: 2500 });
    const rest = await harness.stripe.refunds.create({ payment_intent: intentId });
    expect([partial.amount, rest.amount]).toEqual([2500, 7000]);
    const error = await rejectionOf(harness.stripe.refunds.create({ payment_intent: intentId, amount: 1 }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.code).toBe("charge_already_refunded");
  });

  it("refuses an amount above what is left, with Stripe's wording", async () => {
    const intentId = await paidPaymentIntentId(9500);
    await harness.stripe.refunds.create({ payment_intent: intentId, amount: 8000 });
    const error = await rejectionOf(harness.stripe.refunds.create({ payment_intent: intentId, amount: 1501 }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: "amount", code: "amount_too_large" });
    expect(error.message).toBe("Refund amount ($15.01) is greater than unrefunded amount on charge ($15.00)");
  });

  it("replays a refund for a repeated idempotency key instead of refunding twice", async () => {
    const intentId = await paidPaymentIntentId(9500);
    const first = await harness.stripe.refunds.create(
      { payment_intent: intentId, amount: 5000 },
      { idempotencyKey: "cancel-b1" },
    );
    const again = await harness.stripe.refunds.create(
      { payment_intent: intentId, amount: 5000 },
      { idempotencyKey: "cancel-b1" },
    );
    expect(again.id).toBe(first.id);
    const rest = await harness.stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(4500);
  });

  it("refunds by charge id too, and expands the payment intent when asked", async () => {
    const intentId = await paidPaymentIntentId(9500);
    const intent = await harness.stripe.paymentIntents.retrieve(intentId);
    const refund = await harness.stripe.refunds.create({
      charge: String(intent.latest_charge),
      amount: 100,
      expand: ["payment_intent"],
    });
    expect((refund.payment_intent as Stripe.PaymentIntent).id).toBe(intentId);
    expect((await harness.stripe.refunds.retrieve(refund.id)).charge).toBe(intent.latest_charge);
  });

  it("gives a failed refund's amount back to what can be refunded", async () => {
    const intentId = await paidPaymentIntentId(9500);
    const refund = await harness.stripe.refunds.create({ payment_intent: intentId });
    const failed = harness.emulator.failRefund(refund.id);
    expect(failed).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect((await harness.stripe.refunds.create({ payment_intent: intentId })).amount).toBe(9500);
  });

  it.each([
    [
      "an unknown payment intent",
      { payment_intent: "pi_missing" },
      "payment_intent",
      "No such payment_intent: 'pi_missing'",
    ],
    ["neither a payment intent nor a charge", {}, undefined, "either a charge or a payment_intent"],
    ["a zero amount", { payment_intent: "pi_x", amount: 0 }, "amount", "at least 1"],
    ["an unknown reason", { payment_intent: "pi_x", reason: "changed_mind" }, "reason", "Invalid reason"],
  ] as Array<[string, Stripe.RefundCreateParams, string | undefined, string]>)(
    "refuses %s",
    async (_label, params, param, message) => {
      const error = await rejectionOf(harness.stripe.refunds.create(params));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error.statusCode).toBe(400);
      expect(error.param).toBe(param);
      expect(error.message).toContain(message);
    },
  );
});

describe("metadata limits", () => {
  it.each([
    ["a key over 40 characters", { ["k".repeat(41)]: "v" }, "metadata keys must be at most 40 characters"],
    ["a value over 500 characters", { bookingId: "v".repeat(501) }, "metadata values must be at most 500 characters"],
    [
      "more than 50 keys",
      Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, "v"])),
      "at most 50 keys",
    ],
  ])("refuses %s", async (_label, metadata, message) => {
    const error = await rejectionOf(harness.stripe.checkout.sessions.create(bookingCheckoutParams({ metadata })));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toMatch(/^metadata/);
    expect(error.message).toContain(message);
  });
});
