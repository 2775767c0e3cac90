// Test harness for the Stripe emulator: an emulator on a free port, the official SDK pointed at it,
// and a tiny webhook receiver that records what arrives and answers with the status a test chooses.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import {
  createEmulatorStripe,
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from "@/lib/dev/stripe-emulator";

export const TEST_WEBHOOK_SECRET = "whsec_test_emulator_conformance_0123456789";

export interface ReceivedWebhook {
  body: string;
  signature: string;
  contentType: string;
  /** The status the receiver answered with. */
  answeredWith: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `count` requests have arrived (whatever was answered). */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** `answer(n)` gives the status for the n-th request (1-based); 200 for all by default. */
export async function startWebhookReceiver(
  answer: (requestNumber: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let waiters: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answeredWith = answer(received.length + 1);
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(request.headers["stripe-signature"] ?? ""),
        contentType: String(request.headers["content-type"] ?? ""),
        answeredWith,
      });
      response.writeHead(answeredWith, { "Content-Type": "text/plain" });
      response.end(answeredWith < 300 ? "ok" : "not now");
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    received,
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return false;
          clearTimeout(timer);
          waiters = waiters.filter((waiter) => waiter !== check);
          resolve(received.slice(0, count));
          return true;
        };
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} webhook requests, got ${received.length}`)),
          timeoutMs,
        );
        if (!check()) waiters.push(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface EmulatorHarness {
  emulator: StripeEmulator;
  stripe: Stripe;
  close(): Promise<void>;
}

/** An emulator on a free port with quick retries, and an SDK client pointed at it. */
export async function startEmulatorHarness(options: Partial<StripeEmulatorOptions> = {}): Promise<EmulatorHarness> {
  const emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: null,
    webhookSecret: TEST_WEBHOOK_SECRET,
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 100, timeoutMs: 2_000 },
    ...options,
  });
  return { emulator, stripe: createEmulatorStripe(emulator.port), close: () => emulator.close() };
}

/** The parameters the app will send (DESIGN.md "Payments"), with a 30-minute expiry. */
export function bookingCheckoutParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [
      {
        price_data: { currency: "usd", unit_amount: 9500, product_data: { name: "Calf massage, 60 minutes" } },
        quantity: 1,
      },
    ],
    customer_email: "client@clinic.test",
    client_reference_id: "booking_123",
    metadata: { bookingId: "booking_123" },
    payment_intent_data: { metadata: { bookingId: "booking_123" } },
    expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
    success_url: "http://localhost:3000/book/confirmed?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/book/review?cancelled=1",
    ...overrides,
  };
}

/** Presses a button on the hosted checkout page the way a browser's form would. */
export async function pressCheckoutButton(
  sessionUrl: string,
  action: "pay" | "cancel" | "expire",
  form: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${sessionUrl}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
}
