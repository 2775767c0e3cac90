// What the app and the local Stripe emulator (lib/dev/stripe-emulator) must agree on. It lives with
// the app, so the app never imports lib/dev; free of "server-only" so scripts/stripe-emulator.ts can
// import it under tsx.
import { createHmac } from "node:crypto";
import Stripe from "stripe";

/**
 * Pinned, not read from the SDK: stripe@23's types describe this version only, so an SDK upgrade
 * that moves the version becomes a type error here and a deliberate change.
 */
export const STRIPE_API_VERSION = "2026-10-28.endive" satisfies Stripe.StripeConfig["apiVersion"];

/** The key the SDK presents to the emulator: test mode, and obviously not a real account's key. */
export const EMULATOR_SECRET_KEY = "sk_test_emulator_local_only";

/**
 * How long one Stripe call may take, for every client (real, staging, emulator). The SDK's own
 * defaults (80 s, 2 retries) let a hung Stripe hold a booking request for minutes; with these a call
 * gives up within about 21 s (10 s, a retry after 0.5–1 s, 10 s), so the request answers 503 well
 * inside 30 s.
 */
export const STRIPE_REQUEST_BOUNDS = { timeoutMs: 10_000, maxNetworkRetries: 1 } as const;

export interface StripeRequestBounds {
  timeoutMs: number;
  maxNetworkRetries: number;
}

/** A Stripe client whose every call goes to the emulator on 127.0.0.1:port over plain HTTP. */
export function createEmulatorStripe(port: number, bounds: StripeRequestBounds = STRIPE_REQUEST_BOUNDS): Stripe {
  return new Stripe(EMULATOR_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    host: "127.0.0.1",
    port,
    protocol: "http",
    timeout: bounds.timeoutMs,
    maxNetworkRetries: bounds.maxNetworkRetries,
    // Latency telemetry is for Stripe's servers; the emulator has no use for it.
    telemetry: false,
  });
}

/**
 * The emulator's webhook secret when none is configured, derived from AUTH_SECRET rather than
 * published in the source: the app process and a standalone emulator started with the same
 * configuration agree on it, and nobody else can forge the events the app would accept.
 */
export function deriveEmulatorWebhookSecret(authSecret: string): string {
  const digest = createHmac("sha256", authSecret).update("stripe-emulator-webhook-secret").digest("base64url");
  return `whsec_${digest.slice(0, 32)}`;
}

/** The secret the emulator signs with and the app verifies with: STRIPE_WEBHOOK_SECRET if set. */
export function chooseEmulatorWebhookSecret(settings: {
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  AUTH_SECRET: string;
}): string {
  return settings.STRIPE_WEBHOOK_SECRET ?? deriveEmulatorWebhookSecret(settings.AUTH_SECRET);
}
