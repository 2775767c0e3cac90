// A Stripe emulator on the test run's port whose webhooks go to a tiny local receiver that hands them to
// the app's webhook handler, exactly as the route does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getEnv } from "@/lib/env";
import { getWebhookSecret } from "@/lib/payments/stripe-client";
import { startStripeEmulator, type StripeEmulator } from "@/lib/dev/stripe-emulator/start-stripe-emulator";

export interface PaymentsHarness {
  emulator: StripeEmulator;
  close(): Promise<void>;
}

export async function startPaymentsHarness(): Promise<PaymentsHarness> {
  // vitest.config.ts gives the db tests their emulator port and webhook secret.
  const env = getEnv();
  const { handleStripeWebhook } = await import("@/lib/payments/webhooks/handle-stripe-webhook");
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const signature = request.headers["stripe-signature"];
      handleStripeWebhook(Buffer.concat(chunks).toString("utf8"), typeof signature === "string" ? signature : null)
        .then((result) => {
          response.writeHead(result.status, { "content-type": "application/json" });
          response.end(JSON.stringify(result.body));
        })
        .catch(() => {
          response.writeHead(500);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverPort = (receiver.address() as AddressInfo).port;
  const emulator = await startStripeEmulator({
    port: env.STRIPE_EMULATOR_PORT,
    webhookUrl: `http://127.0.0.1:${receiverPort}/api/webhooks/stripe`,
    webhookSecret: getWebhookSecret(env),
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 100 },
  });
  return {
    emulator,
    async close() {
      await emulator.close();
      await new Promise<void>((resolve) => {
        receiver.close(() => resolve());
        receiver.closeAllConnections();
      });
    },
  };
}
