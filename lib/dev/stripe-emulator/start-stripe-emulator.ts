// Starts the local Stripe emulator: an HTTP server on 127.0.0.1 holding a test-mode Stripe account in
// memory, and the handle tests use to drive it (pay, cancel, expire, wait for webhooks).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildSuccessRedirectUrl,
  type EmulatedCheckoutSession,
  type EmulatedEvent,
  type EmulatedRefund,
} from "./emulated-objects";
import { EmulatorState } from "./emulator-state";
import { createEmulatorRequestHandler } from "./handle-emulator-request";
import { IdempotencyStore } from "./idempotency-store";
import {
  DEFAULT_WEBHOOK_RETRY,
  WebhookDispatcher,
  type EmulatorLogger,
  type WebhookDelivery,
  type WebhookRetryPolicy,
} from "./webhook-dispatcher";

/** What /health reports, so a second process finding the port taken can tell it is an emulator. */
export const EMULATOR_SERVICE_NAME = "stripe-emulator";

export interface StripeEmulatorOptions {
  /** 0 picks a free port (tests); the app uses STRIPE_EMULATOR_PORT. */
  port: number;
  /** The app's origin; webhooks go to `${appUrl}/api/webhooks/stripe` unless webhookUrl says otherwise. */
  appUrl?: string;
  /** Where events are POSTed; null sends none (they can still be read with events()). */
  webhookUrl?: string | null;
  /** The whsec_… secret the app verifies signatures with. */
  webhookSecret: string;
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Milliseconds since the epoch; tests inject a clock to let sessions run out. */
  now?: () => number;
  /** How often open sessions are checked for expiry (they also expire on first read when due). */
  expirySweepIntervalMs?: number;
  logger?: EmulatorLogger;
  /** false when it runs inside another server: it then does not hold the process open by itself. */
  keepProcessAlive?: boolean;
}

export interface StripeEmulator {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  webhookUrl: string | null;
  /** What the hosted page's Pay does; returns the session and where the payer is sent. */
  pay(sessionId: string, payer?: { email?: string }): { session: EmulatedCheckoutSession; redirectUrl: string };
  /** What the page's Cancel does: nothing changes, the payer goes to cancel_url. */
  cancel(sessionId: string): { redirectUrl: string | null };
  /** What "Let it expire" (or the session's clock running out) does. */
  expire(sessionId: string): EmulatedCheckoutSession;
  /** Makes a succeeded refund fail, as a closed card does; sends refund.updated and refund.failed. */
  failRefund(refundId: string): EmulatedRefund;
  /** Expires every open session past its expires_at now, instead of at the next sweep. */
  sweepExpiredSessions(): number;
  /** Every event so far, oldest first. */
  events(): EmulatedEvent[];
  deliveries(): WebhookDelivery[];
  /** Resolves when every event so far is delivered or given up on (rejects after timeoutMs, default 30 s). */
  waitForWebhooks(options?: { timeoutMs?: number }): Promise<void>;
  close(): Promise<void>;
}

const SILENT_LOGGER: EmulatorLogger = { info: () => {}, warn: () => {} };

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    // 127.0.0.1 only: the emulator takes any test key and must not be reachable from elsewhere.
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A short, one-way fingerprint of the secret: enough to compare two processes' secrets, not to learn one. */
export function fingerprintSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 12);
}

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? SILENT_LOGGER;
  const webhookUrl =
    options.webhookUrl !== undefined
      ? options.webhookUrl
      : options.appUrl === undefined
        ? null
        : `${options.appUrl.replace(/\/+$/, "")}/api/webhooks/stripe`;
  if (!options.webhookSecret.startsWith("whsec_")) throw new Error("webhookSecret must be a whsec_… secret");

  let baseUrl = "";
  let dispatcher: WebhookDispatcher | undefined;
  const state = new EmulatorState({
    now,
    checkoutPageUrl: (sessionId) => `${baseUrl}/checkout/${sessionId}`,
    pendingWebhooks: webhookUrl === null ? 0 : 1,
    onEvent: (event) => dispatcher?.enqueue(event),
  });
  if (webhookUrl !== null) {
    dispatcher = new WebhookDispatcher({
      url: new URL(webhookUrl),
      secret: options.webhookSecret,
      retry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
      logger,
      onDelivered: (eventId) => state.markEventDelivered(eventId),
    });
  }
  const idempotency = new IdempotencyStore(now);
  const startedAt = new Date(now()).toISOString();
  const server = http.createServer(
    createEmulatorRequestHandler({
      state,
      idempotency,
      logger,
      now,
      describeHealth: () => ({
        service: EMULATOR_SERVICE_NAME,
        pid: process.pid,
        startedAt,
        webhookUrl,
        webhookSecretFingerprint: fingerprintSecret(options.webhookSecret),
        // Counted here, not listed: enough for `npm run test:deploy` to prove one open checkout per client.
        checkoutSessions: state.countCheckoutSessions(),
      }),
    }),
  );
  const port = await listen(server, options.port);
  if (options.keepProcessAlive === false) server.unref();
  baseUrl = `http://127.0.0.1:${port}`;

  const sweeper = setInterval(() => {
    state.sweepExpiredSessions();
    idempotency.pruneExpired();
  }, options.expirySweepIntervalMs ?? 1_000);
  sweeper.unref();

  return {
    url: baseUrl,
    port,
    webhookUrl,
    pay(sessionId, payer = {}) {
      const session = structuredClone(state.completeCheckoutSession(sessionId, payer));
      return { session, redirectUrl: buildSuccessRedirectUrl(session) };
    },
    cancel(sessionId) {
      return { redirectUrl: state.getCheckoutSession(sessionId).cancel_url };
    },
    expire(sessionId) {
      return structuredClone(state.expireCheckoutSession(sessionId));
    },
    failRefund(refundId) {
      return structuredClone(state.failRefund(refundId));
    },
    sweepExpiredSessions: () => state.sweepExpiredSessions(),
    events: () => structuredClone(state.listEvents()),
    deliveries: () => dispatcher?.deliveries() ?? [],
    waitForWebhooks: ({ timeoutMs = 30_000 } = {}) => dispatcher?.waitForIdle(timeoutMs) ?? Promise.resolve(),
    async close() {
      clearInterval(sweeper);
      dispatcher?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (the SDK's agent keeps them) would hold close() open otherwise.
        server.closeAllConnections();
      });
    },
  };
}
