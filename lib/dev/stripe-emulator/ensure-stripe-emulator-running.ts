// Starts the local Stripe emulator inside the app's server process when there is no
// STRIPE_SECRET_KEY, once per process, on STRIPE_EMULATOR_PORT, delivering webhooks to this app.
// In staging (a test key and STRIPE_API_BASE) the emulator runs alone: this only says so, once.
import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { describeStagingStripe, getWebhookSecret, stripeMode, type StripeMode } from "@/lib/payments/stripe-client";
import {
  EMULATOR_SERVICE_NAME,
  fingerprintSecret,
  startStripeEmulator,
  type StripeEmulator,
} from "./start-stripe-emulator";
import type { EmulatorLogger } from "./webhook-dispatcher";

export type StripeEmulatorStatus =
  | { status: "not-needed"; mode: Exclude<StripeMode, "emulator"> }
  | { status: "skipped-during-build" }
  | { status: "started"; url: string; emulator: StripeEmulator }
  | { status: "already-running"; url: string; pid: number | null };

/** How long to keep trying a taken port: a restarting `next dev` frees it a moment after. */
const DEFAULT_PORT_WAIT_MS = 3_000;
const PORT_RETRY_INTERVAL_MS = 250;

const CONSOLE_LOGGER: EmulatorLogger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
};

const globalForEmulator = globalThis as typeof globalThis & {
  __clinicStripeEmulator?: Promise<StripeEmulatorStatus>;
};

const emulatorHealth = z.object({
  service: z.literal(EMULATOR_SERVICE_NAME),
  pid: z.number().int().optional(),
  webhookUrl: z.string().nullable(),
  webhookSecretFingerprint: z.string(),
});

/** What answers on the port, if it is a Stripe emulator; null for anything else or nothing. */
async function readEmulatorHealth(port: number): Promise<z.infer<typeof emulatorHealth> | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    const parsed = emulatorHealth.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isPortTaken(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EADDRINUSE";
}

async function startOnConfiguredPort(portWaitMs: number): Promise<StripeEmulatorStatus> {
  const mode = stripeMode();
  // `next build` may load the server code in its page workers: they take no payments, and several
  // of them racing for one port would only slow the build down.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (mode !== "emulator") {
    const staging = describeStagingStripe(getEnv());
    if (staging !== null && !building) console.info(staging);
    return { status: "not-needed", mode };
  }
  if (building) return { status: "skipped-during-build" };
  const env = getEnv();
  const port = env.STRIPE_EMULATOR_PORT;
  const webhookUrl = env.STRIPE_WEBHOOK_URL;
  const webhookSecret = getWebhookSecret(env);
  const deadline = Date.now() + portWaitMs;
  for (;;) {
    try {
      const emulator = await startStripeEmulator({
        port,
        webhookUrl,
        webhookSecret,
        logger: CONSOLE_LOGGER,
        // The app's own server keeps the process alive; the emulator alone must not keep it from exiting.
        keepProcessAlive: false,
      });
      console.info(
        `Stripe: no STRIPE_SECRET_KEY, so payments go to the local emulator (TEST MODE) at ${emulator.url}; webhooks to ${webhookUrl}.`,
      );
      return { status: "started", url: emulator.url, emulator };
    } catch (error) {
      if (!isPortTaken(error)) throw error;
      if (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, PORT_RETRY_INTERVAL_MS));
        continue;
      }
    }
    const health = await readEmulatorHealth(port);
    if (health === null) {
      throw new Error(
        `Stripe emulator: port ${port} (STRIPE_EMULATOR_PORT) is taken by something that is not the Stripe emulator. Stop it, or set STRIPE_EMULATOR_PORT to a free port.`,
      );
    }
    const pid = health.pid ?? null;
    console.warn(
      `Stripe: port ${port} (STRIPE_EMULATOR_PORT) is already served by another Stripe emulator (process ${pid ?? "unknown"}); using it. Its sessions are its own, and it outlives this server only until that process stops.`,
    );
    if (health.webhookUrl !== webhookUrl) {
      console.warn(`Stripe: that emulator sends webhooks to ${health.webhookUrl ?? "nowhere"}, not ${webhookUrl}.`);
    }
    if (health.webhookSecretFingerprint !== fingerprintSecret(webhookSecret)) {
      console.warn(
        "Stripe: that emulator signs webhooks with a different secret, so this app will reject them (400). Stop it and restart this server.",
      );
    }
    return { status: "already-running", url: `http://127.0.0.1:${port}`, pid };
  }
}

/**
 * With no STRIPE_SECRET_KEY, makes sure the emulator serves STRIPE_EMULATOR_PORT (started here once
 * per process, however many bundles call this); with real keys, does nothing.
 */
export function ensureStripeEmulatorRunning(options: { portWaitMs?: number } = {}): Promise<StripeEmulatorStatus> {
  globalForEmulator.__clinicStripeEmulator ??= startOnConfiguredPort(options.portWaitMs ?? DEFAULT_PORT_WAIT_MS).catch(
    (error: unknown) => {
      // A failed start may be retried by the next caller rather than cached forever.
      globalForEmulator.__clinicStripeEmulator = undefined;
      throw error;
    },
  );
  return globalForEmulator.__clinicStripeEmulator;
}
