// The process's one Stripe client. With STRIPE_SECRET_KEY it talks to Stripe (or, for staging, to the
// Stripe-compatible server at STRIPE_API_BASE); without, to the local emulator (test mode only),
// through the same official SDK, so the code above it cannot tell.
import "server-only";
import Stripe from "stripe";
import { ConfigurationError, getEnv, type Env } from "@/lib/env";
import {
  chooseEmulatorWebhookSecret,
  createEmulatorStripe,
  STRIPE_API_VERSION,
  STRIPE_REQUEST_BOUNDS,
  type StripeRequestBounds,
} from "@/lib/payments/stripe-emulator-client";

export { STRIPE_API_VERSION };

/** "staging": a test key sent to STRIPE_API_BASE (the emulator run alone); no real money moves. */
export type StripeMode = "emulator" | "staging" | "test" | "live";

type StripeSettings = Pick<
  Env,
  "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_EMULATOR_PORT" | "STRIPE_API_BASE" | "AUTH_SECRET"
>;

export function stripeMode(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE"> = getEnv()): StripeMode {
  const key = env.STRIPE_SECRET_KEY;
  if (key === undefined) return "emulator";
  if (key.startsWith("sk_live_")) return "live";
  return env.STRIPE_API_BASE === undefined ? "test" : "staging";
}

/** Every mode but live charges no real card: the pages say "test mode". */
export function isStripeTestMode(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE"> = getEnv()): boolean {
  return stripeMode(env) !== "live";
}

/** The one line start-up prints in staging mode, so nobody mistakes it for a live clinic. */
export function describeStagingStripe(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE">): string | null {
  if (stripeMode(env) !== "staging") return null;
  return `Stripe: test key against STRIPE_API_BASE=${env.STRIPE_API_BASE} (staging); no real money moves.`;
}

/** The SDK's host, port and protocol for a base URL such as http://127.0.0.1:12111. */
function stripeTarget(apiBase: string): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  const url = new URL(apiBase);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    protocol,
    // Node's http takes an IPv6 address without the URL's brackets.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port === "" ? (protocol === "http" ? 80 : 443) : Number(url.port),
  };
}

/** `bounds` is for tests, which make the timeout small; the app always uses STRIPE_REQUEST_BOUNDS. */
export function createStripeClient(env: StripeSettings, bounds: StripeRequestBounds = STRIPE_REQUEST_BOUNDS): Stripe {
  if (env.STRIPE_SECRET_KEY === undefined) return createEmulatorStripe(env.STRIPE_EMULATOR_PORT, bounds);
  return new Stripe(env.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    timeout: bounds.timeoutMs,
    maxNetworkRetries: bounds.maxNetworkRetries,
    ...(env.STRIPE_API_BASE === undefined ? {} : { ...stripeTarget(env.STRIPE_API_BASE), telemetry: false }),
  });
}

// On globalThis: Next bundles this module into several server chunks (instrumentation, routes), and
// development reloads re-evaluate it; one client per process keeps one connection pool.
const globalForStripe = globalThis as typeof globalThis & { __clinicStripe?: Stripe };

export function getStripe(): Stripe {
  globalForStripe.__clinicStripe ??= createStripeClient(getEnv());
  return globalForStripe.__clinicStripe;
}

/**
 * The secret webhook signatures are checked with. With the emulator: STRIPE_WEBHOOK_SECRET if set,
 * else one derived from AUTH_SECRET (the emulator signs with the same). With real keys it must be
 * the endpoint's own secret from the Stripe dashboard, so it is required.
 */
export function getWebhookSecret(env: StripeSettings = getEnv()): string {
  if (stripeMode(env) === "emulator") return chooseEmulatorWebhookSecret(env);
  if (env.STRIPE_WEBHOOK_SECRET !== undefined) return env.STRIPE_WEBHOOK_SECRET;
  throw new ConfigurationError(
    "Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (the endpoint's signing secret, whsec_…, from the Stripe dashboard or `stripe listen`)",
  );
}
