// The process's one Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without, to the local
// emulator (test mode only), through the same official SDK, so the code above it cannot tell.
import "server-only";
import Stripe from "stripe";
import { ConfigurationError, getEnv, type Env } from "@/lib/env";
import {
  chooseEmulatorWebhookSecret,
  createEmulatorStripe,
  STRIPE_API_VERSION,
} from "@/lib/payments/emulator/emulator-client";

export { STRIPE_API_VERSION };

export type StripeMode = "emulator" | "test" | "live";

type StripeSettings = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_EMULATOR_PORT" | "AUTH_SECRET">;

export function stripeMode(env: Pick<Env, "STRIPE_SECRET_KEY"> = getEnv()): StripeMode {
  const key = env.STRIPE_SECRET_KEY;
  if (key === undefined) return "emulator";
  return key.startsWith("sk_live_") ? "live" : "test";
}

export function createStripeClient(env: StripeSettings): Stripe {
  if (env.STRIPE_SECRET_KEY === undefined) return createEmulatorStripe(env.STRIPE_EMULATOR_PORT);
  return new Stripe(env.STRIPE_SECRET_KEY, { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2 });
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
