// A client's paid appointment, made the quick way for the specs that need one: a free time from the
// API, a hold through POST /api/bookings and payment on the Stripe emulator's checkout page.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, ownNetwork } from "./fixtures";
import { CLEAR_INTAKE, consentFor, newClient, payOnEmulatorCheckout, signUp } from "./helpers";

export const PAID_SERVICE = "second-heart-massage-60";
export const PAID_SERVICE_NAME = "Second Heart Calf Massage";
const DAY_MS = 24 * 3_600_000;

export interface FreeSlot {
  start: string;
  end: string;
  therapistId: string;
  therapistName: string;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Free times a few days ahead (well past the cancellation cut-off), soonest first. */
export async function freeSlots(
  request: APIRequestContext,
  daysAhead = 3,
  service = PAID_SERVICE,
): Promise<FreeSlot[]> {
  const from = new Date(Date.now() + daysAhead * DAY_MS);
  const to = new Date(from.getTime() + 30 * DAY_MS);
  const query = new URLSearchParams({ service, from: isoDate(from), to: isoDate(to) });
  const response = await request.get(`/api/availability?${query}`);
  expect(response.status()).toBe(200);
  const { slots } = (await response.json()) as { slots: FreeSlot[] };
  expect(slots.length).toBeGreaterThan(0);
  return slots;
}

/** A new client signed up in a browser context of their own (their own address and cookies). */
export async function signUpInOwnContext(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  const page = await context.newPage();
  const client = newClient();
  await signUp(page, client);
  return { context, page, client };
}

export interface BookingChoices {
  service?: string;
  intake?: typeof CLEAR_INTAKE;
}

/** Holds the time (unpaid), signing the consent with `name`; returns the booking and its checkout link. */
export async function holdSlot(
  page: Page,
  slot: FreeSlot,
  name: string,
  { service = PAID_SERVICE, intake = CLEAR_INTAKE }: BookingChoices = {},
): Promise<{ bookingId: string; checkoutUrl: string }> {
  const created = await page.request.post("/api/bookings", {
    data: JSON.stringify({
      service,
      therapist: slot.therapistId,
      start: slot.start,
      intake,
      consent: consentFor(name),
    }),
    headers: { "content-type": "application/json" },
  });
  expect(created.status()).toBe(201);
  const { booking, checkoutUrl } = (await created.json()) as { booking: { id: string }; checkoutUrl: string };
  return { bookingId: booking.id, checkoutUrl };
}

/**
 * Holds the time and pays for it, signing the consent with the account's name (newClient's unless
 * given); returns the booking's id and its Checkout Session's id.
 */
export async function bookAndPay(
  page: Page,
  slot: FreeSlot,
  email: string,
  name: string = newClient().name,
  choices: BookingChoices = {},
): Promise<{ bookingId: string; checkoutSessionId: string }> {
  const { bookingId, checkoutUrl } = await holdSlot(page, slot, name, choices);
  const checkoutSessionId = new URL(checkoutUrl).pathname.split("/").pop() as string;
  await page.goto(checkoutUrl);
  await payOnEmulatorCheckout(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });
  return { bookingId, checkoutSessionId };
}
