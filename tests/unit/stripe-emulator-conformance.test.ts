// The emulator's objects, fetched through the official SDK, have exactly the fields of Stripe's own
// examples in ../shared/stripe/fixtures3.json, with the same JSON types; so code written against
// the emulator reads the same fields when it runs against Stripe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import {
  listConformanceProblems,
  readStripeFixtures,
  type JsonValue,
} from "@/tests/support/stripe-fixture-conformance";
import {
  loadStripeNullability,
  type NullabilityOracle,
  type StripeResourceName,
} from "@/tests/support/stripe-sdk-nullability";
import {
  bookingCheckoutParams,
  pressCheckoutButton,
  startEmulatorHarness,
  startWebhookReceiver,
  TEST_WEBHOOK_SECRET,
  type EmulatorHarness,
  type WebhookReceiver,
} from "@/tests/support/stripe-emulator-harness";

const fixtures = readStripeFixtures();
let isNullable: NullabilityOracle;
let harness: EmulatorHarness;
let receiver: WebhookReceiver;

function expectConforms(resource: StripeResourceName, actual: unknown, skip: ReadonlyArray<readonly string[]> = []) {
  // Through JSON, as a client sees it: the SDK's non-enumerable lastResponse is not part of the object.
  const json = JSON.parse(JSON.stringify(actual)) as JsonValue;
  expect(listConformanceProblems(json, fixtures[resource], { resource, isNullable, skip })).toEqual([]);
}

beforeAll(async () => {
  isNullable = loadStripeNullability();
  receiver = await startWebhookReceiver();
  harness = await startEmulatorHarness({ webhookUrl: receiver.url });
}, 30_000);

afterAll(async () => {
  await harness?.close();
  await receiver?.close();
});

describe("Stripe emulator objects match Stripe's fixtures", () => {
  let session: Stripe.Checkout.Session;
  let paymentIntentId: string;
  let refund: Stripe.Refund;

  it("an open checkout.session, as created and as retrieved", async () => {
    session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(session).toMatchObject({
      object: "checkout.session",
      livemode: false,
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 9500,
      currency: "usd",
      client_reference_id: "booking_123",
      metadata: { bookingId: "booking_123" },
      payment_intent: null,
      url: `${harness.emulator.url}/checkout/${session.id}`,
    });
    expectConforms("checkout.session", session);
    expectConforms("checkout.session", await harness.stripe.checkout.sessions.retrieve(session.id));
  });

  it("a paid checkout.session, and its payment_intent expanded and retrieved", async () => {
    const response = await pressCheckoutButton(session.url ?? "", "pay");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/book/confirmed?session_id=${session.id}`);

    const paid = await harness.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.customer_details?.email).toBe("client@clinic.test");
    expectConforms("checkout.session", paid, [["payment_intent"]]);
    const expanded = paid.payment_intent as Stripe.PaymentIntent;
    expectConforms("payment_intent", expanded);

    paymentIntentId = expanded.id;
    const intent = await harness.stripe.paymentIntents.retrieve(paymentIntentId);
    expect(intent.id).toMatch(/^pi_/);
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 9500,
      amount_received: 9500,
      currency: "usd",
      metadata: { bookingId: "booking_123" },
    });
    expectConforms("payment_intent", intent);
    expectConforms("checkout.session", await harness.stripe.checkout.sessions.retrieve(session.id));
  });

  it("a refund, as created and as retrieved", async () => {
    refund = await harness.stripe.refunds.create({
      payment_intent: paymentIntentId,
      amount: 4000,
      reason: "requested_by_customer",
      metadata: { bookingId: "booking_123" },
    });
    expect(refund.id).toMatch(/^re_/);
    expect(refund).toMatchObject({
      object: "refund",
      amount: 4000,
      status: "succeeded",
      payment_intent: paymentIntentId,
      reason: "requested_by_customer",
    });
    expectConforms("refund", refund);
    expectConforms("refund", await harness.stripe.refunds.retrieve(refund.id));
  });

  it("an expired checkout.session", async () => {
    const open = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
    const expired = await harness.stripe.checkout.sessions.expire(open.id);
    expect(expired).toMatchObject({ status: "expired", payment_status: "unpaid", url: null, payment_intent: null });
    expectConforms("checkout.session", expired);
  });

  it("every event delivered, its data.object, and the same event retrieved", async () => {
    await harness.emulator.waitForWebhooks();
    const types = receiver.received.map((delivery) => (JSON.parse(delivery.body) as Stripe.Event).type);
    // Deliveries run side by side, as Stripe's do: the order they arrive in is not guaranteed.
    expect(types.sort()).toEqual(["checkout.session.completed", "checkout.session.expired", "refund.created"]);
    for (const delivery of receiver.received) {
      const event = Stripe.webhooks.constructEvent(delivery.body, delivery.signature, TEST_WEBHOOK_SECRET);
      expect(event.id).toMatch(/^evt_/);
      expect(event).toMatchObject({ object: "event", livemode: false, api_version: "2026-10-28.endive" });
      expectConforms("event", event, [["data", "object"]]);
      expect(Object.keys(event.data)).toEqual(["object"]);
      const resource = event.data.object.object === "refund" ? "refund" : "checkout.session";
      expectConforms(resource, event.data.object);
      expectConforms("event", await harness.stripe.events.retrieve(event.id), [["data", "object"]]);
    }
  });
});
