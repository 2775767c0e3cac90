// The emulator's hosted checkout page: labelled TEST MODE, says what is paid for, and its three
// buttons do what Stripe's page (or its clock) would: Pay completes and returns to success_url,
// Cancel returns to cancel_url leaving the session open, "Let it expire" expires it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookingCheckoutParams,
  pressCheckoutButton,
  startEmulatorHarness,
  type EmulatorHarness,
} from "@/tests/support/stripe-emulator-harness";

let harness: EmulatorHarness;

beforeAll(async () => {
  harness = await startEmulatorHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openSession(overrides: Parameters<typeof bookingCheckoutParams>[0] = {}) {
  const session = await harness.stripe.checkout.sessions.create(bookingCheckoutParams(overrides));
  if (session.url === null) throw new Error("an open session has a url");
  return { id: session.id, url: session.url };
}

describe("the hosted checkout page", () => {
  it("says TEST MODE and shows the item, amount and currency, with no script", async () => {
    const { url } = await openSession();
    const response = await fetch(url);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("TEST MODE — no real card is charged");
    expect(html).toContain("Calf massage, 60 minutes");
    expect(html).toContain("$95.00 USD");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script/i);
  });

  it("has the three buttons as POST forms, in keyboard order Pay, Cancel, Let it expire", async () => {
    const { id, url } = await openSession();
    const html = await (await fetch(url)).text();
    const buttons = [
      ...html.matchAll(/<form method="post" action="([^"]+)">[\s\S]*?<button type="submit"[^>]*>([^<]+)<\/button>/g),
    ];
    expect(buttons.map(([, action, label]) => [action, label])).toEqual([
      [`/checkout/${id}/pay`, "Pay"],
      [`/checkout/${id}/cancel`, "Cancel"],
      [`/checkout/${id}/expire`, "Let it expire"],
    ]);
    expect(html).not.toContain("tabindex");
  });

  it("escapes the item name", async () => {
    const { url } = await openSession({
      line_items: [
        {
          price_data: { currency: "usd", unit_amount: 5000, product_data: { name: '<img src=x onerror="alert(1)">' } },
          quantity: 2,
        },
      ],
    });
    const html = await (await fetch(url)).text();
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; × 2");
    expect(html).toContain("$100.00");
  });

  it("Pay completes the session and sends the payer to success_url with the id filled in", async () => {
    const { id, url } = await openSession();
    const response = await pressCheckoutButton(url, "pay");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/book/confirmed?session_id=${id}`);
    const session = await harness.stripe.checkout.sessions.retrieve(id);
    expect(session).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(session.payment_intent).toMatch(/^pi_/);
  });

  it("a second Pay neither pays twice nor fails: it shows the page saying it is paid", async () => {
    const { id, url } = await openSession();
    await pressCheckoutButton(url, "pay");
    const intent = (await harness.stripe.checkout.sessions.retrieve(id)).payment_intent;
    const again = await pressCheckoutButton(url, "pay");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/checkout/${id}`);
    expect((await harness.stripe.checkout.sessions.retrieve(id)).payment_intent).toBe(intent);
    const page = await (await fetch(url)).text();
    expect(page).toContain("This checkout is already paid");
    expect(page).toContain(`href="http://localhost:3000/book/confirmed?session_id=${id}"`);
    expect(harness.emulator.events().filter((event) => event.data.object.id === id)).toHaveLength(1);
  });

  it("Cancel sends the payer to cancel_url and leaves the session open", async () => {
    const { id, url } = await openSession();
    const response = await pressCheckoutButton(url, "cancel");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/book/review?cancelled=1");
    expect((await harness.stripe.checkout.sessions.retrieve(id)).status).toBe("open");
  });

  it("Let it expire expires the session and sends the payer to cancel_url", async () => {
    const { id, url } = await openSession();
    const response = await pressCheckoutButton(url, "expire");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost:3000/book/review?cancelled=1");
    expect((await harness.stripe.checkout.sessions.retrieve(id)).status).toBe("expired");
    const expiredPage = await fetch(url);
    expect(expiredPage.status).toBe(410);
    expect(await expiredPage.text()).toContain("This checkout has expired");
    const payLate = await pressCheckoutButton(url, "pay");
    expect(payLate.headers.get("location")).toBe(`/checkout/${id}`);
    expect((await harness.stripe.checkout.sessions.retrieve(id)).payment_status).toBe("unpaid");
  });

  it("asks for an email when the app gave none, and records it on the session", async () => {
    const { id, url } = await openSession({ customer_email: undefined });
    const html = await (await fetch(url)).text();
    expect(html).toContain('<label for="email">Email for the receipt</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="email" required>/);
    const withoutEmail = await pressCheckoutButton(url, "pay");
    expect(withoutEmail.headers.get("location")).toBe(`/checkout/${id}`);
    expect((await harness.stripe.checkout.sessions.retrieve(id)).status).toBe("open");
    await pressCheckoutButton(url, "pay", { email: "walk-in@clinic.test" });
    const session = await harness.stripe.checkout.sessions.retrieve(id);
    expect(session.customer_details?.email).toBe("walk-in@clinic.test");
  });

  it("has no Cancel button when the app gave no cancel_url", async () => {
    const { url } = await openSession({ cancel_url: undefined });
    const html = await (await fetch(url)).text();
    expect(html).not.toContain(">Cancel<");
    expect(html).toContain(">Let it expire<");
  });

  it("answers 404 with a page for an unknown session", async () => {
    const response = await fetch(`${harness.emulator.url}/checkout/cs_test_unknown`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No such checkout");
  });
});
