// A client's own appointments in the browser: book and pay (through the API and the emulator's
// checkout), open the appointment from /account, move it to another day, cancel it with the refund
// stated before confirming, and find the payment and the refund on the printable receipt. Another
// client gets a 404 for the same appointment and receipt, by page and by API. Axe on every page.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  payOnEmulatorCheckout,
  showDay,
  signUp,
  timeLabel,
  CLEAR_INTAKE,
  consentFor,
} from "./helpers";

const SERVICE = "second-heart-massage-60";
const SERVICE_NAME = "Second Heart Calf Massage";
const DAY_MS = 24 * 3_600_000;

const clearIntake = CLEAR_INTAKE;

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  therapistName: string;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Two free times of one therapist on different days, both well past the cancellation cut-off. */
async function twoFreeTimes(request: APIRequestContext) {
  const from = new Date(Date.now() + 3 * DAY_MS);
  const to = new Date(from.getTime() + 40 * DAY_MS);
  const query = new URLSearchParams({ service: SERVICE, from: isoDate(from), to: isoDate(to) });
  const response = await request.get(`/api/availability?${query}`);
  expect(response.status()).toBe(200);
  const { timeZone, slots } = (await response.json()) as { timeZone: string; slots: Slot[] };
  const dayOf = (slot: Slot) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(slot.start));
  for (const first of slots) {
    const second = slots.find((other) => other.therapistId === first.therapistId && dayOf(other) > dayOf(first));
    if (second) return { timeZone, first, second, secondDay: dayOf(second) };
  }
  throw new Error("the demo seed should offer one therapist on two days");
}

async function bookAndPay(page: Page, slot: Slot, email: string): Promise<string> {
  const created = await page.request.post("/api/bookings", {
    data: JSON.stringify({
      service: SERVICE,
      therapist: slot.therapistId,
      start: slot.start,
      intake: clearIntake,
      consent: consentFor(newClient().name),
    }),
    headers: { "content-type": "application/json" },
  });
  expect(created.status()).toBe(201);
  const { booking, checkoutUrl } = (await created.json()) as { booking: { id: string }; checkoutUrl: string };
  await page.goto(checkoutUrl);
  await payOnEmulatorCheckout(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });
  return booking.id;
}

test.describe("my appointments", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("a client moves an appointment, cancels it for a full refund, and sees both on the receipt; another client gets 404", async ({
    page,
    browser,
    browserErrors,
  }) => {
    browserErrors.allow(/status of 404/);
    const client = newClient();
    await signUp(page, client);
    const { timeZone, first, second, secondDay } = await twoFreeTimes(page.request);
    const bookingId = await bookAndPay(page, first, client.email);

    // From the list to the appointment's own page.
    await page.goto("/account");
    await expect(page.getByText("Paid $95.00", { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "account");
    await page
      .getByRole("link", { name: new RegExp(`^${SERVICE_NAME}`) })
      .first()
      .click();
    await expect(page).toHaveURL(`/account/bookings/${bookingId}`);
    await expect(page.getByRole("heading", { level: 1, name: SERVICE_NAME })).toBeVisible();
    await expect(page.getByText(/\d{1,2}:\d{2}\s[AP]M\s[A-Z]{2,5}/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Add to calendar (.ics)" })).toHaveAttribute(
      "href",
      `/api/bookings/${bookingId}/ics`,
    );
    await expect(page.getByRole("link", { name: "Read the aftercare guide" })).toHaveAttribute(
      "href",
      "/learn/aftercare-second-heart-massage",
    );
    await expect(page.getByRole("heading", { name: "Your health answers" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "appointment");

    // Move it to another day with the same therapist.
    await page.getByRole("link", { name: "Choose a new time" }).click();
    await (await showDay(page, secondDay)).click();
    await expect(page.getByRole("heading", { level: 2, name: "Choose a time" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "reschedule");
    await page.getByRole("button", { name: timeLabel(second.start, timeZone) }).click();
    await page.getByRole("button", { name: /^Move to / }).click();
    await expect(page.getByText("Appointment moved")).toBeVisible();
    const moved = await page.request.get(`/api/bookings/${bookingId}`);
    expect((await moved.json()).booking).toMatchObject({
      status: "CONFIRMED",
      startsAt: new Date(second.start).toISOString(),
    });

    // Cancel: the refund is stated before confirming; new calf symptoms show where to get care.
    await page.getByRole("button", { name: "Cancel this appointment…" }).click();
    await expect(page.getByText("You will get $95.00 back.")).toBeVisible();
    await page.getByLabel(/new pain, swelling, warmth or redness in a calf/).check();
    await expect(page.getByRole("heading", { name: "When to seek care now" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "cancel");
    await page.getByLabel(/new pain, swelling, warmth or redness in a calf/).uncheck();
    await page.getByRole("button", { name: "Cancel and refund $95.00" }).click();
    await expect(page.getByText("Appointment cancelled")).toBeVisible();
    await expect(page.getByText(/We're refunding \$95\.00/)).toBeVisible();
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();

    // The receipt shows the payment and the refund, and prints without the site's frame.
    await page.getByRole("link", { name: "Receipt" }).click();
    await expect(page).toHaveURL(`/account/bookings/${bookingId}/receipt`);
    const receipt = page.getByRole("article", { name: "Receipt" });
    await expect(receipt.getByText(`Payment: ${SERVICE_NAME}`)).toBeVisible();
    await expect(receipt.getByText("Refund (refunded)")).toBeVisible();
    await expect(receipt.getByText("−$95.00")).toBeVisible();
    await expect(receipt.getByText("Second Heart Calf Clinic")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "receipt");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print this receipt" })).toBeHidden();
    await expect(receipt).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    // Cancelling again changes nothing: one refund.
    const again = await page.request.post(`/api/bookings/${bookingId}/cancel`, {
      data: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(again.status()).toBe(409);

    // Someone else, by URL and by API: the same 404 as a booking that does not exist.
    const other = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const stranger = await other.newPage();
    await signUp(stranger, newClient());
    for (const path of [`/account/bookings/${bookingId}`, `/account/bookings/${bookingId}/receipt`]) {
      const response = await stranger.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(stranger.getByText(SERVICE_NAME)).toHaveCount(0);
    }
    expect((await stranger.request.get(`/api/bookings/${bookingId}`)).status()).toBe(404);
    for (const action of ["cancel", "reschedule"]) {
      const response = await stranger.request.post(`/api/bookings/${bookingId}/${action}`, {
        data: JSON.stringify({ start: second.start }),
        headers: { "content-type": "application/json" },
      });
      expect(response.status(), action).toBe(404);
    }
    await other.close();
  });
});
