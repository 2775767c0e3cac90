// Server start-up: check the configuration (a bad setting stops the process with a message naming
// it, never a stack trace), prepare the embedded database, and with no STRIPE_SECRET_KEY start the
// local Stripe emulator, so `npm run dev` and `npm start` stay one command each.
import { ConfigurationError, getEnv } from "@/lib/env";
import { prepareEmbeddedDatabase } from "@/lib/dev/demo/prepare-embedded-database";
import { ensureStripeEmulatorRunning } from "@/lib/dev/stripe-emulator/ensure-stripe-emulator-running";
import { startBackgroundJobs } from "@/lib/jobs/start-background-jobs";

export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await prepareEmbeddedDatabase();
  await ensureStripeEmulatorRunning();
  startBackgroundJobs();
}
