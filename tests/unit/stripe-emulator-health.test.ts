// The emulator's /health counts its checkout sessions by status: `npm run test:deploy` reads it to
// prove a client ends a booking race with one open checkout, and a released hold's is expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulatorStripe, startStripeEmulator, type StripeEmulator } from "@/lib/dev/stripe-emulator";

let emulator: StripeEmulator;
beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0, webhookUrl: null, webhookSecret: "whsec_health_test" });
});
afterAll(async () => {
  await emulator.close();
});

async function health(): Promise<{ checkoutSessions: Record<string, number> }> {
  const response = await fetch(`${emulator.url}/health`);
  return (await response.json()) as { checkoutSessions: Record<string, number> };
}

describe("stripe emulator /health", () => {
  it("counts checkout sessions by status as they are created, paid and expired", async () => {
    expect((await health()).checkoutSessions).toEqual({ open: 0, complete: 0, expired: 0 });
    const stripe = createEmulatorStripe(emulator.port);
    const create = () =>
      stripe.checkout.sessions.create({
        mode: "payment",
        success_url: "http://127.0.0.1/ok",
        customer_email: "client@example.test",
        line_items: [
          { quantity: 1, price_data: { currency: "usd", unit_amount: 9500, product_data: { name: "Calf" } } },
        ],
      });
    const [paid, expired] = [await create(), await create()];
    await create();
    emulator.pay(paid.id);
    await stripe.checkout.sessions.expire(expired.id);
    expect((await health()).checkoutSessions).toEqual({ open: 1, complete: 1, expired: 1 });
  });
});
