// npm run stripe:emulator: the local Stripe emulator on its own (`npm run dev` and the embedded demo
// start it inside the app). For staging it runs with the staging app's own environment (an sk_test_
// key and STRIPE_API_BASE pointing here): port from STRIPE_EMULATOR_PORT, webhooks to
// STRIPE_WEBHOOK_URL (default APP_URL/api/webhooks/stripe), signed with STRIPE_WEBHOOK_SECRET (or the
// secret derived from AUTH_SECRET, as the app derives it). SIGTERM or Ctrl-C stops it.
import { ConfigurationError, parseStripeEmulatorEnv } from "@/lib/env";
import { deriveEmulatorWebhookSecret, startStripeEmulator } from "@/lib/dev/stripe-emulator";

/** Settings that would leave the emulator unused or unreachable: worth a warning, not a refusal. */
function mismatches(env: ReturnType<typeof parseStripeEmulatorEnv>): string[] {
  if (env.STRIPE_SECRET_KEY === undefined) return [];
  if (env.STRIPE_API_BASE === undefined) {
    return ["STRIPE_SECRET_KEY is set without STRIPE_API_BASE: that app talks to Stripe itself, not to this emulator."];
  }
  const base = new URL(env.STRIPE_API_BASE);
  const samePort = base.port === String(env.STRIPE_EMULATOR_PORT);
  if (base.protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(base.hostname) || !samePort) {
    return [
      `STRIPE_API_BASE=${env.STRIPE_API_BASE} is not this emulator (http://127.0.0.1:${env.STRIPE_EMULATOR_PORT}, STRIPE_EMULATOR_PORT).`,
    ];
  }
  return [];
}

async function main(): Promise<void> {
  const env = parseStripeEmulatorEnv(process.env);
  for (const warning of mismatches(env)) console.warn(`Stripe emulator: ${warning}`);
  const webhookSecret =
    env.STRIPE_WEBHOOK_SECRET !== undefined ? env.STRIPE_WEBHOOK_SECRET : deriveEmulatorWebhookSecret(env.AUTH_SECRET);
  const emulator = await startStripeEmulator({
    port: env.STRIPE_EMULATOR_PORT,
    webhookUrl: env.STRIPE_WEBHOOK_URL,
    webhookSecret,
    logger: { info: (message) => console.info(message), warn: (message) => console.warn(message) },
  }).catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      console.error(
        `Port ${env.STRIPE_EMULATOR_PORT} (STRIPE_EMULATOR_PORT) is already in use: is the app or another emulator running it?`,
      );
      process.exit(1);
    }
    throw error;
  });
  console.info(
    `Stripe emulator (TEST MODE) on ${emulator.url}; webhooks to ${env.STRIPE_WEBHOOK_URL}. Ctrl-C or SIGTERM stops it.`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Pending webhook retries are dropped with the process, as Stripe's would be for a deleted endpoint.
    void emulator.close().then(
      () => {
        console.info(`Stripe emulator stopped (${signal}).`);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigurationError ? `\n${error.message}\n` : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
