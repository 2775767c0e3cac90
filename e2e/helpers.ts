import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { CURRENT_CONSENT } from "../lib/clinical/consent";
import { allNoAnswers, CURRENT_QUESTIONNAIRE_VERSION } from "../lib/clinical/questionnaire";
import { expect, test } from "./fixtures";
import type { SunkEmail } from "./mail-sink";

export const DEMO_PASSWORD = "calf-demo-2026";

export const newClient = () => ({
  name: "Robin Test",
  email: `robin-${randomUUID().slice(0, 8)}@example.test`,
  password: "harbour-lantern-meadow",
});

/**
 * Creates a new client as a person would: the sign-up form, the link from the confirmation email,
 * then signing in. Waits for the page they land on (their account, or where sign-up was sent from).
 */
export async function signUp(page: Page, client: ReturnType<typeof newClient>): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(client.name);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(client.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmSignUp(page, client);
}

/**
 * After the sign-up form was sent: its "check your email" answer, then the confirmation link from the
 * mail sink, then signing in from the confirmed page. A client signs in only once their address is
 * confirmed, so every journey that starts with a new account goes through here.
 */
export async function confirmSignUp(
  page: Page,
  client: ReturnType<typeof newClient>,
  landing: RegExp = /\/account$/,
): Promise<void> {
  // The journey now waits for the outbox (delivered every 5 s) and passes three more pages: the
  // spec that called this gets the time for it.
  test.info().setTimeout(test.info().timeout + 30_000);
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  const email = await readLatestEmail(client.email, /Confirm your email/);
  await page.goto(linkIn(email, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(client.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

/** Signs in from /sign-in; clients land on /account, staff on /staff. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  landing: RegExp = /\/account$/,
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

// A client network of its own, for a browser context a spec makes itself (each test's own page
// already has one: e2e/fixtures.ts).
export { ownNetwork } from "./fixtures";

/**
 * Axe finds no serious or critical WCAG 2.1 AA violation on the page as it stands. It first waits for
 * the document's title: Next.js streams metadata, so right after a Server Action re-renders the page
 * there is a moment without a <title>, which axe would report (a flake seen in CI, not a page fault).
 */
export async function expectNoSeriousA11yViolations(page: Page, step: string) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `accessibility of ${step}`,
  ).toEqual([]);
}

/** "9:00 AM EST", as the page writes it (any whitespace, since ICU versions differ). */
export function timeLabel(instant: string, timeZone: string): RegExp {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(instant));
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s")}`);
}

/** Waits for the calendar to know which days are free, moving on a month until the day shows. */
export async function showDay(page: Page, date: string): Promise<Locator> {
  await expect(page.locator(".booking-day-available").first()).toBeVisible();
  const day = page.locator(`[data-day="${date}"]`).getByRole("button");
  for (let months = 0; months < 3 && (await day.count()) === 0; months += 1) {
    await page.getByRole("button", { name: "Go to the Next Month" }).click();
  }
  await expect(day).toBeEnabled();
  return day;
}

export async function payOnEmulatorCheckout(page: Page, email: string) {
  await expect(page.getByText(/TEST MODE/)).toBeVisible();
  const receipt = page.getByLabel("Email for the receipt");
  if (await receipt.isVisible()) await receipt.fill(email);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
}

/** The current consent signed with the account's name, as POST /api/bookings takes it. */
export const consentFor = (name: string) => ({ version: CURRENT_CONSENT.version, signedName: name });

/** The review step's consent field (shown before a client's first booking, and after a new version). */
export const CONSENT_NAME_LABEL = "Sign by typing your full name";

/** The health answers of the current questionnaire, every question "no", plus any given here. */
export function allNoIntake(answers: Record<string, boolean> = {}) {
  return { version: CURRENT_QUESTIONNAIRE_VERSION, answers: { ...allNoAnswers(), ...answers } };
}

export const CLEAR_INTAKE = allNoIntake();

// Where e2e/mail-sink.ts files the messages the app sends (the same folder as in playwright.config.ts).
const MAIL_DIR = path.resolve(".data/e2e-mail");

/**
 * The newest message to this address whose subject matches, waiting for the app's outbox delivery
 * (every few seconds) and the sink to file it. Fails naming the address when none arrives.
 */
export async function readLatestEmail(
  to: string,
  subjectPattern: RegExp,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<SunkEmail> {
  const address = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(MAIL_DIR).catch(() => [] as string[])).filter((name) => name.endsWith(".json"));
    for (const name of names.sort().reverse()) {
      const email = JSON.parse(await readFile(path.join(MAIL_DIR, name), "utf8")) as SunkEmail;
      if (email.to.includes(address) && subjectPattern.test(email.subject)) return email;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a subject like ${subjectPattern} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a message's text that starts with this path (e.g. "/reset-password/"), as a path. */
export function linkIn(email: SunkEmail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathPrefix}[^\\s]+)`).exec(email.text);
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in "${email.subject}"`);
  return match[1];
}
