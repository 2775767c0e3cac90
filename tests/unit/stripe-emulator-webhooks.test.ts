// Webhooks from the emulator arrive as Stripe's do: signed so the SDK's constructEvent accepts them
// (and rejects them once tampered with), at least once, retried with back-off until the app
// answers 2xx, without holding up the API call that caused them. Sessions past expires_at expire
// by themselves and say so with checkout.session.expired.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import Stripe from "stripe";
import {
  bookingCheckoutParams,
  startEmulatorHarness,
  startWebhookReceiver,
  TEST_WEBHOOK_SECRET,
  type EmulatorHarness,
  type WebhookReceiver,
} from "@/tests/support/stripe-emulator-harness";

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  answer?: (requestNumber: number) => number,
  options: Parameters<typeof startEmulatorHarness>[0] = {},
) {
  const receiver = await startWebhookReceiver(answer);
  cleanups.push(() => receiver.close());
  const harness = await startEmulatorHarness({ webhookUrl: receiver.url, ...options });
  cleanups.push(() => harness.close());
  return { receiver, harness };
}

async function completeCheckout(harness: EmulatorHarness): Promise<string> {
  const session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
  harness.emulator.pay(session.id);
  return session.id;
}

function eventOf(receiver: WebhookReceiver, index: number): Stripe.Event {
  const delivery = receiver.received[index];
  if (!delivery) throw new Error(`no webhook request #${index + 1}`);
  return Stripe.webhooks.constructEvent(delivery.body, delivery.signature, TEST_WEBHOOK_SECRET);
}

describe("webhook signatures", () => {
  it("are accepted by stripe.webhooks.constructEvent with the shared secret", async () => {
    const { receiver, harness } = await setUp();
    const sessionId = await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    const [delivery] = receiver.received;
    expect(delivery?.contentType).toBe("application/json; charset=utf-8");
    expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = eventOf(receiver, 0);
    expect(event.type).toBe("checkout.session.completed");
    if (event.type !== "checkout.session.completed") return;
    expect(event.data.object).toMatchObject({ id: sessionId, status: "complete", payment_status: "paid" });
    expect(event.data.object.metadata).toEqual({ bookingId: "booking_123" });
  });

  it("are rejected once the payload is changed, or with another secret", async () => {
    const { receiver, harness } = await setUp();
    await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    const [delivery] = receiver.received;
    if (!delivery) throw new Error("no delivery");
    const tampered = delivery.body.replace('"payment_status": "paid"', '"payment_status": "unpaid"');
    expect(tampered).not.toBe(delivery.body);
    expect(() => Stripe.webhooks.constructEvent(tampered, delivery.signature, TEST_WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => Stripe.webhooks.constructEvent(delivery.body, delivery.signature, "whsec_someone_else")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });
});

describe("webhook delivery", () => {
  it("retries a non-2xx answer until the app answers 2xx, with the same event each time", async () => {
    const { receiver, harness } = await setUp((requestNumber) => (requestNumber <= 2 ? 500 : 200));
    await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    expect(receiver.received.map((delivery) => delivery.answeredWith)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((delivery) => delivery.body)).size).toBe(1);
    // Each attempt is signed afresh, so every one of them verifies.
    for (const index of [0, 1, 2]) expect(eventOf(receiver, index).type).toBe("checkout.session.completed");
    expect(harness.emulator.deliveries()).toEqual([
      expect.objectContaining({
        eventType: "checkout.session.completed",
        status: "delivered",
        attempts: 3,
        lastOutcome: "HTTP 200",
      }),
    ]);
    const [event] = harness.emulator.events();
    expect((await harness.stripe.events.retrieve(event?.id ?? "")).pending_webhooks).toBe(0);
  });

  it("treats a redirect as a failure, as Stripe does", async () => {
    const { receiver, harness } = await setUp((requestNumber) => (requestNumber === 1 ? 302 : 204));
    await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    expect(receiver.received.map((delivery) => delivery.answeredWith)).toEqual([302, 204]);
  });

  it("retries network errors and gives up after maxAttempts", async () => {
    // A port that was free a moment ago: connections are refused.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const warnings: string[] = [];
    const harness = await startEmulatorHarness({
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      webhookRetry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
      logger: { info: () => {}, warn: (message) => warnings.push(message) },
    });
    cleanups.push(() => harness.close());
    await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    expect(harness.emulator.deliveries()).toEqual([
      expect.objectContaining({ status: "failed", attempts: 3, lastOutcome: "ECONNREFUSED" }),
    ]);
    expect(warnings.at(-1)).toContain("gave up delivering checkout.session.completed");
  });

  it("backs off exponentially between attempts", async () => {
    const arrivals: number[] = [];
    const { harness } = await setUp(
      () => {
        arrivals.push(Date.now());
        return arrivals.length < 4 ? 503 : 200;
      },
      { webhookRetry: { initialDelayMs: 40, maxDelayMs: 1_000 } },
    );
    await completeCheckout(harness);
    await harness.emulator.waitForWebhooks();
    const gaps = arrivals.slice(1).map((arrival, index) => arrival - (arrivals[index] ?? 0));
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
  });

  it("never holds up the API call: a webhook endpoint that hangs does not slow the answer", async () => {
    const hanging = http.createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          hanging.closeAllConnections();
          hanging.close(() => resolve());
        }),
    );
    const { port } = hanging.address() as AddressInfo;
    const harness = await startEmulatorHarness({ webhookUrl: `http://127.0.0.1:${port}/hook` });
    cleanups.push(() => harness.close());
    const session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
    const started = Date.now();
    const expired = await harness.stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    expect(Date.now() - started).toBeLessThan(500);
    expect(harness.emulator.deliveries()[0]?.status).toBe("pending");
  });

  it("records who caused an event: the API request and its idempotency key", async () => {
    const { receiver, harness } = await setUp();
    const session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams());
    await harness.stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: "release-hold-b1" });
    await harness.emulator.waitForWebhooks();
    const event = eventOf(receiver, 0);
    expect(event.type).toBe("checkout.session.expired");
    expect(event.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: "release-hold-b1" });
  });

  it("sends refund.created for a refund, and refund.updated and refund.failed when it fails", async () => {
    const { receiver, harness } = await setUp();
    const sessionId = await completeCheckout(harness);
    const session = await harness.stripe.checkout.sessions.retrieve(sessionId);
    const refund = await harness.stripe.refunds.create({ payment_intent: String(session.payment_intent) });
    harness.emulator.failRefund(refund.id);
    await harness.emulator.waitForWebhooks();
    const events = receiver.received.map((_, index) => eventOf(receiver, index));
    expect(events.map((event) => event.type).sort()).toEqual([
      "checkout.session.completed",
      "refund.created",
      "refund.failed",
      "refund.updated",
    ]);
    const created = events.find((event) => event.type === "refund.created");
    const updated = events.find((event) => event.type === "refund.updated");
    expect(created?.data.object).toMatchObject({ id: refund.id, status: "succeeded" });
    expect(updated?.data.object).toMatchObject({ id: refund.id, status: "failed" });
  });
});

describe("checkout session expiry by the clock", () => {
  it("expires an open session past expires_at by itself and sends checkout.session.expired once", async () => {
    let now = Date.now();
    const { receiver, harness } = await setUp(undefined, { now: () => now });
    const session = await harness.stripe.checkout.sessions.create(
      bookingCheckoutParams({ expires_at: Math.floor(now / 1000) + 30 * 60 }),
    );
    now += 29 * 60 * 1000;
    expect(harness.emulator.sweepExpiredSessions()).toBe(0);
    now += 60 * 1000;
    expect(harness.emulator.sweepExpiredSessions()).toBe(1);
    expect(harness.emulator.sweepExpiredSessions()).toBe(0);
    await harness.emulator.waitForWebhooks();
    expect(receiver.received).toHaveLength(1);
    const event = eventOf(receiver, 0);
    expect(event.type).toBe("checkout.session.expired");
    expect(event.data.object).toMatchObject({ id: session.id, status: "expired", url: null });
    expect(event.request).toEqual({ id: null, idempotency_key: null });
  });

  it("expires a due session the moment it is read, before anyone sees it as open", async () => {
    let now = Date.now();
    const { receiver, harness } = await setUp(undefined, { now: () => now, expirySweepIntervalMs: 60_000 });
    const session = await harness.stripe.checkout.sessions.create(
      bookingCheckoutParams({ expires_at: Math.floor(now / 1000) + 45 * 60 }),
    );
    now += 45 * 60 * 1000;
    expect((await harness.stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    const page = await fetch(session.url ?? "");
    expect(page.status).toBe(410);
    await harness.emulator.waitForWebhooks();
    expect(receiver.received.map((_, index) => eventOf(receiver, index).type)).toEqual(["checkout.session.expired"]);
  });

  it("runs the sweep on its own timer", async () => {
    let now = Date.now();
    const { receiver, harness } = await setUp(undefined, { now: () => now, expirySweepIntervalMs: 20 });
    await harness.stripe.checkout.sessions.create(bookingCheckoutParams({ expires_at: Math.floor(now / 1000) + 1800 }));
    now += 31 * 60 * 1000;
    const [delivery] = await receiver.waitForRequests(1);
    expect((JSON.parse(delivery?.body ?? "{}") as Stripe.Event).type).toBe("checkout.session.expired");
  });
});
