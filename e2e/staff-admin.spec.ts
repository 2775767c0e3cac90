// The catalogue and hours admin in the browser: an admin gives a therapist Saturday hours and the
// public availability offers them at once (and drops them again); creates a service that appears
// on /services at once, then retires it; a change that would strand a client's booked time is
// refused with that booking listed and linked; a therapist gets 404 on the admin pages and sees
// their own week read only. axe is clean on every admin page, refusals shown.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  CLEAR_INTAKE,
  consentFor,
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  signIn,
  signUp,
} from "./helpers";

const SERVICE = "calf-reset-30";
const TIME_ZONE = "America/New_York";
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

interface Slot {
  start: string;
  therapistId: string;
  therapistName: string;
}

const clinicDate = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(instant);

async function slotsOn(page: Page, from: string, to: string, therapist?: string): Promise<Slot[]> {
  const query = new URLSearchParams({ service: SERVICE, from, to, ...(therapist ? { therapist } : {}) });
  const response = await page.request.get(`/api/availability?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

/** The hours page of a therapist, opened from the admin's list of everyone's hours. */
async function openHoursOf(page: Page, name: string): Promise<string> {
  await page.goto("/staff/hours");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name}'s hours` })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() as string;
}

// A new client holds a time with the therapist (an unpaid hold takes the time as a booking does).
async function holdTimeWith(browser: Browser, therapistName: string) {
  const context = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  const page = await context.newPage();
  const client = newClient();
  await signUp(page, client);
  const from = clinicDate(new Date(Date.now() + 2 * 86_400_000));
  const to = clinicDate(new Date(Date.now() + 16 * 86_400_000));
  const slot = (await slotsOn(page, from, to)).find((candidate) => candidate.therapistName === therapistName);
  expect(slot, `the demo seed offers ${therapistName}'s times`).toBeTruthy();
  const response = await page.request.post("/api/bookings", {
    data: JSON.stringify({
      service: SERVICE,
      therapist: slot?.therapistId,
      start: slot?.start,
      intake: CLEAR_INTAKE,
      consent: consentFor(client.name),
    }),
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(201);
  const { booking } = (await response.json()) as { booking: { id: string } };
  await context.close();
  return { client, slot: slot as Slot, bookingId: booking.id };
}

test("an admin gives a therapist Saturday hours and the public availability follows at once, both ways", async ({
  page,
}) => {
  await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  const therapistId = await openHoursOf(page, "Maya Lindqvist");
  await expect(page.getByText(/All times in Eastern Time \(America\/New_York\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "therapist hours");

  // The first Saturday at least two days ahead: Maya does not work Saturdays.
  let saturday = new Date(Date.now() + 2 * 86_400_000);
  while (new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, weekday: "long" }).format(saturday) !== "Saturday") {
    saturday = new Date(saturday.getTime() + 86_400_000);
  }
  const day = clinicDate(saturday);
  expect(await slotsOn(page, day, day, therapistId)).toEqual([]);

  const week = page.getByRole("group", { name: "Saturday" });
  await week.getByRole("button", { name: "Add hours on Saturday" }).click();
  await week.getByLabel("Saturday, working hours 1: From", { exact: true }).fill("10:00");
  await week.getByLabel("Saturday, working hours 1: To", { exact: true }).fill("13:00");
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hours saved" })).toBeVisible();

  const offered = await slotsOn(page, day, day, therapistId);
  expect(offered.map((slot) => slot.start.slice(11, 16))).toContain("10:00");
  expect(offered.every((slot) => slot.start.slice(11, 16) <= "12:30")).toBe(true);

  await page.reload();
  await page
    .getByRole("group", { name: "Saturday" })
    .getByRole("button", { name: "Remove Saturday working hours 1" })
    .click();
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hours saved" })).toBeVisible();
  expect(await slotsOn(page, day, day, therapistId)).toEqual([]);
});

test("an admin creates a service that appears on /services at once, then retires it", async ({ page }) => {
  const name = `Ankle Reset ${randomUUID().slice(0, 6)}`;
  await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "services list");
  await page.getByRole("link", { name: "New service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New service" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "new service");

  // A bad price and no name: messages on those fields, and what was typed stays.
  await page.getByLabel("Summary").fill("A quick reset for stiff ankles and calves.");
  await page.getByLabel("Price (US dollars)").fill("eighty");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter the price in dollars, such as 95 or 95.00.")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("A quick reset for stiff ankles and calves.");
  await expectNoSeriousA11yViolations(page, "new service with errors");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Twenty minutes on the ankles and lower calves.");
  await page.getByLabel("Price (US dollars)").fill("80");
  await page.getByLabel("Length (minutes)").fill("30");
  await page.getByRole("checkbox", { name: /Maya Lindqvist/ }).check();
  await page.getByLabel("Aftercare guide").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Service created")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "service editor");

  await page.goto("/services");
  await expect(page.getByText(name).first()).toBeVisible();

  await page.goBack();
  await page.getByRole("button", { name: "Retire this service…" }).click();
  await page.getByRole("button", { name: `Retire ${name}` }).click();
  await expect(page.getByText(/Retired\. It is no longer shown/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Bring it back" })).toBeVisible();
  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test("a change that would strand a booked time is refused with that booking listed and linked", async ({
  page,
  browser,
}) => {
  const { client, slot, bookingId } = await holdTimeWith(browser, "Priya Raman");
  const weekday = WEEKDAYS[new Date(`${slot.start.slice(0, 10)}T12:00:00Z`).getUTCDay()] as string;

  await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  await openHoursOf(page, "Priya Raman");
  const day = page.getByRole("group", { name: weekday });
  await day.getByRole("button", { name: `Remove ${weekday} working hours 1` }).click();
  await day.getByRole("button", { name: `Remove ${weekday} breaks 1` }).click();
  await page.getByRole("button", { name: "Save the week" }).click();

  const refusal = page.getByRole("alert").filter({ hasText: "Hours not saved" });
  // The demo data and other specs may have visits that day too, some by clients of the same test
  // name: this booking must be among those listed, linked to its appointment.
  await expect(refusal).toContainText(/booked visits? would be left outside/);
  const link = refusal.locator(`a[href="/staff/appointments/${bookingId}"]`);
  await expect(link).toContainText(client.name);
  await expect(link).toContainText(/\d{1,2}:\d{2}\s[AP]M\s[A-Z]{2,4}/);
  await expect(link).toContainText("Calf Reset");
  await expect(day.getByText("Day off.")).toBeVisible(); // what was changed stays on the form
  await expectNoSeriousA11yViolations(page, "hours refusal");

  // Time off over it: refused the same way.
  await page.getByLabel("Starts (Eastern Time)").fill(slot.start.slice(0, 16));
  await page.getByLabel("Ends (Eastern Time)").fill(`${slot.start.slice(0, 10)}T23:30`);
  await page.getByRole("button", { name: "Add time off" }).click();
  const timeOffRefusal = page.getByRole("alert").filter({ hasText: "Time off not added" });
  await expect(timeOffRefusal).toContainText(/booked visits? fall/);
  await expect(timeOffRefusal.locator(`a[href="/staff/appointments/${bookingId}"]`)).toContainText(client.name);

  await page.reload();
  await expect(page.getByRole("group", { name: weekday }).getByText("Day off.")).toHaveCount(0);
  await expect(page.getByText("No time off ahead.")).toBeVisible();
  await page.goto(`/staff/appointments/${bookingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(client.name);
});

test("a therapist gets 404 on the admin pages and sees their own week, read only", async ({ page, browserErrors }) => {
  browserErrors.allow(/status of 404/);
  await signIn(page, "therapist@clinic.test", DEMO_PASSWORD, /\/staff$/);
  const today = clinicDate(new Date());
  const other = (await slotsOn(page, today, clinicDate(new Date(Date.now() + 14 * 86_400_000)))).find(
    (slot) => slot.therapistName !== "Maya Lindqvist",
  );
  expect(other).toBeTruthy();
  for (const path of [
    "/staff/services",
    "/staff/services/new",
    "/staff/services/anything",
    `/staff/hours/${other?.therapistId}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto("/staff/hours");
  await expect(page.getByRole("heading", { level: 1, name: "Your hours" })).toBeVisible();
  await expect(page.getByText("Monday").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save the week" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add time off" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "own hours");
});
