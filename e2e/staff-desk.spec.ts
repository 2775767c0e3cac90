// The front desk in the browser: an admin takes a phone booking for a new client with a payment
// link (the screening's red flag stops it until answered "no"), the link is paid on the Stripe
// emulator's page and the appointment shows confirmed; then the admin cancels it with a refund and
// the report's refunds go up by that amount; the same client, found by search, books again to pay at
// the desk, and the payment is recorded there once. axe is clean on /staff/book and /staff/reports.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { questionText } from "../lib/clinical/questionnaire";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, payOnEmulatorCheckout, signIn, timeLabel } from "./helpers";

const SERVICE = "calf-reset-30";
const THERAPIST = "Maya Lindqvist";
const TIME_ZONE = "America/New_York";

interface Slot {
  start: string;
  therapistId: string;
  therapistName: string;
}

/** A free time with Maya at least two days ahead (past any cancellation cut-off). */
async function freeSlot(page: Page): Promise<Slot> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const response = await page.request.get(`/api/availability?${new URLSearchParams({ service: SERVICE, from, to })}`);
  expect(response.status()).toBe(200);
  const { slots } = (await response.json()) as { slots: Slot[] };
  const slot = slots.find(
    (candidate) => candidate.therapistName === THERAPIST && Date.parse(candidate.start) > Date.now() + 48 * 3_600_000,
  );
  expect(slot, "the demo seed offers Maya's times").toBeTruthy();
  return slot as Slot;
}

/** The report's total refunds, as money. */
async function reportedRefunds(page: Page): Promise<number> {
  await page.goto("/staff/reports");
  const card = page.locator("dl > div").filter({ has: page.locator("dt", { hasText: /^Refunds$/ }) });
  const text = (await card.locator("dd").textContent()) ?? "";
  return Number(text.replace(/[^\d.]/g, ""));
}

test.describe.serial("front desk", () => {
  let appointmentPath = "";

  test("a phone booking's payment link is paid through the emulator and confirms it", async ({ page }) => {
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const slot = await freeSlot(page);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(slot.start));
    const email = `caller-${randomUUID().slice(0, 8)}@example.test`;

    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Book" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Book for a client" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill("Pat Caller");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Phone", { exact: true }).fill("(555) 010-0199");
    await page.getByRole("button", { name: "Save client and continue" }).click();
    await expect(page.getByText("New client saved.")).toBeVisible();
    await expect(page.getByTestId("chosen-client")).toHaveText("Pat Caller");

    await page.getByRole("combobox", { name: "Treatment" }).selectOption(SERVICE);
    await page.getByRole("combobox", { name: "Therapist" }).selectOption({ label: THERAPIST });
    await page.getByRole("textbox", { name: "Day" }).fill(day);
    await page.getByRole("button", { name: "Show free times" }).click();
    await page.getByRole("radio", { name: timeLabel(slot.start, TIME_ZONE) }).check();

    // A red flag stops the booking with the see-a-doctor guidance and no Book button.
    const redFlag = page.getByRole("group", { name: questionText("suddenPainOrSwelling"), exact: true });
    await redFlag.getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please see a doctor today" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Book/ })).toHaveCount(0);
    await redFlag.getByRole("radio", { name: "No" }).check();

    const noes = page.getByRole("radio", { name: "No", exact: true });
    for (let index = 0; index < (await noes.count()); index++) await noes.nth(index).check();
    await page.getByRole("radio", { name: /Send a payment link/ }).check();
    await expectNoSeriousA11yViolations(page, "/staff/book");
    await page.getByRole("button", { name: "Book and send the link" }).click();

    await expect(page.getByText("Booked: payment link sent")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`We emailed the payment link to ${email}`)).toBeVisible();
    const checkoutUrl = await page.getByLabel(/Payment link/).inputValue();
    appointmentPath = (await page.getByRole("link", { name: "Open the appointment" }).getAttribute("href")) ?? "";
    expect(appointmentPath).toMatch(/^\/staff\/appointments\//);

    await page.goto(checkoutUrl);
    await payOnEmulatorCheckout(page, email);
    await expect(page.getByRole("heading", { level: 1, name: /your payment went through/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText("Your appointment is confirmed.")).toBeVisible();

    await page.goto(appointmentPath);
    await expect(async () => {
      await page.reload();
      await expect(page.locator("p", { hasText: /^Status:/ })).toContainText("Confirmed", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // A phone client signs the consent at the desk: the steps say so until staff record it.
    const steps = page.getByRole("region", { name: "Steps" });
    await expect(steps.getByText("Consent not signed")).toBeVisible();
    const consent = page.getByRole("region", { name: "Consent", exact: true });
    await consent.getByRole("radio", { name: "On the clinic tablet" }).check();
    await consent.getByLabel("Name as signed").fill("Pat Caller");
    await consent.getByRole("button", { name: "Record the signed consent" }).click();
    await expect(consent.getByText("Consent signed")).toBeVisible();
    await expect(steps.getByText("Consent not signed")).toHaveCount(0);
  });

  test("an admin cancels the paid booking with a refund and sees it on the report", async ({ page }) => {
    expect(appointmentPath, "the first test booked an appointment").not.toBe("");
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const before = await reportedRefunds(page);
    await expectNoSeriousA11yViolations(page, "/staff/reports");

    await page.goto(appointmentPath);
    await page.getByRole("button", { name: "Cancel appointment…" }).click();
    await page.getByRole("radio", { name: /Another amount/ }).check();
    await page.getByLabel(/Amount to refund/).fill("20");
    await page.getByRole("button", { name: "Cancel and refund $20" }).click();
    await expect(page.getByText("Appointment cancelled")).toBeVisible({ timeout: 30_000 });

    await expect(async () => {
      expect(await reportedRefunds(page)).toBeCloseTo(before + 20, 2);
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("table").getByRole("row", { name: new RegExp(THERAPIST) })).toBeVisible();
  });

  test("a known client books to pay at the desk, and the desk payment is recorded once", async ({ page }) => {
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const slot = await freeSlot(page);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(slot.start));

    await page.goto("/staff/book");
    await page.getByRole("searchbox", { name: /Find a client/ }).fill("Pat Caller");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Book for Pat Caller" }).first().click();
    await expect(page.getByTestId("chosen-client")).toHaveText("Pat Caller");
    await page.getByRole("combobox", { name: "Treatment" }).selectOption(SERVICE);
    await page.getByRole("combobox", { name: "Therapist" }).selectOption({ label: THERAPIST });
    await page.getByRole("textbox", { name: "Day" }).fill(day);
    await page.getByRole("button", { name: "Show free times" }).click();
    await page.getByRole("radio", { name: timeLabel(slot.start, TIME_ZONE) }).check();
    const noes = page.getByRole("radio", { name: "No", exact: true });
    for (let index = 0; index < (await noes.count()); index++) await noes.nth(index).check();
    await page.getByRole("radio", { name: /Pay at the desk/ }).check();
    await page.getByRole("button", { name: "Book", exact: true }).click();
    await expect(page.getByText("Booked: to be paid at the desk")).toBeVisible({ timeout: 30_000 });

    await page.getByRole("link", { name: "Open the appointment" }).click();
    await expect(page.locator("p", { hasText: /^Status:/ })).toContainText("Confirmed");
    await page.getByRole("button", { name: /Record payment at the desk/ }).click();
    await expect(page.getByText(/recorded as paid at the desk/)).toBeVisible();
    await expect(page.getByRole("button", { name: /Record payment at the desk/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(/paid at the desk on/)).toBeVisible();
    await expect(page.getByRole("button", { name: /Record payment at the desk/ })).toHaveCount(0);
  });
});
