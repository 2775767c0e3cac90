// npx tsx scripts/stripe-emulator.ts: run the local Stripe emulator on its own (the app normally
// starts it in its own process). Same settings as the app: STRIPE_EMULATOR_PORT, APP_URL, and the
// webhook secret the app will verify with (STRIPE_WEBHOOK_SECRET, or the one derived from AUTH_SECRET).
import { parseEnv } from "@/lib/env";
import { chooseEmulatorWebhookSecret, startStripeEmulator } from "@/lib/payments/emulator";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (env.STRIPE_SECRET_KEY !== undefined) {
    console.error("STRIPE_SECRET_KEY is set, so the app talks to Stripe itself; the emulator would go unused.");
    process.exit(1);
  }
  const webhookUrl = `${env.APP_URL.replace(/\/+$/, "")}/api/webhooks/stripe`;
  const emulator = await startStripeEmulator({
    port: env.STRIPE_EMULATOR_PORT,
    webhookUrl,
    webhookSecret: chooseEmulatorWebhookSecret(env),
    logger: { info: (message) => console.info(message), warn: (message) => console.warn(message) },
  }).catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      console.error(
        `Port ${env.STRIPE_EMULATOR_PORT} (STRIPE_EMULATOR_PORT) is already in use: is the app running it?`,
      );
      process.exit(1);
    }
    throw error;
  });
  console.info(`Stripe emulator (TEST MODE) on ${emulator.url}; webhooks to ${webhookUrl}. Ctrl-C stops it.`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
