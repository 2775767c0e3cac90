// A returning client on a 360 px phone: their last answers are shown back ("anything changed since
// …?") and every question must be answered again, nothing prefilled; the booking goes on with what
// the therapist will check; staff see on the appointment what changed since the last visit, and a
// phone booking for the client reads the latest answers back for the same re-confirmation.
import type { Page } from "@playwright/test";
import { CURRENT_QUESTIONNAIRE, questionText } from "../lib/clinical/questionnaire";
import { expect, test } from "./fixtures";
import {
  allNoIntake,
  consentFor,
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  payOnEmulatorCheckout,
  signIn,
  signUp,
} from "./helpers";

const SERVICE = "calf-reset-30";
const TIME_ZONE = "America/New_York";

interface Slot {
  start: string;
  therapistId: string;
}

const question = (page: Page, id: string) => page.getByRole("group", { name: questionText(id) as string, exact: true });
const clinicDate = (instant: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(instant));

test.describe("a returning client", () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("re-confirms each answer from last time, and staff see the answers as asked @mobile", async ({
    page,
    browser,
  }) => {
    const client = newClient();
    await signUp(page, client);

    // Two free times on different days: the first visit, booked and paid with varicose veins.
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const availability = await page.request.get(
      `/api/availability?${new URLSearchParams({ service: SERVICE, from, to })}`,
    );
    const { slots } = (await availability.json()) as { slots: Slot[] };
    const first = slots[0] as Slot;
    const second = slots.find((slot) => clinicDate(slot.start) > clinicDate(first.start)) as Slot;
    expect(first && second, "the demo seed offers times on two days").toBeTruthy();
    const created = await page.request.post("/api/bookings", {
      data: JSON.stringify({
        service: SERVICE,
        therapist: first.therapistId,
        start: first.start,
        intake: allNoIntake({ varicoseVeins: true, veinHardPainful: false }),
        consent: consentFor(client.name),
      }),
      headers: { "content-type": "application/json" },
    });
    expect(created.status()).toBe(201);
    await page.goto(((await created.json()) as { checkoutUrl: string }).checkoutUrl);
    await payOnEmulatorCheckout(page, client.email);
    await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });

    // The second booking, in the browser: the last answers are shown, none is filled in.
    const answeredOn = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: TIME_ZONE }).format(
      new Date(),
    );
    await page.goto(
      `/book?${new URLSearchParams({ service: SERVICE, therapist: "any", date: clinicDate(second.start), start: second.start })}`,
    );
    await expect(page.getByRole("heading", { level: 2, name: "Health questions" })).toBeVisible();
    await page.waitForLoadState("networkidle"); // the health step's code has arrived and hydrated
    await expect(page.getByText(`Anything changed since ${answeredOn}?`)).toBeVisible();
    await expect(question(page, "varicoseVeins").getByText(`Last time (${answeredOn}) you said: Yes`)).toBeVisible();
    await expect(question(page, "recentLongTrip").getByText(`Last time (${answeredOn}) you said: No`)).toBeVisible();
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "returning health step");

    // Nothing goes on until every question is answered again.
    await page.getByRole("button", { name: "Continue to review" }).click();
    await expect(page.getByText("Some answers are missing")).toBeVisible();

    for (const item of CURRENT_QUESTIONNAIRE.questions) {
      const yes = item.id === "varicoseVeins" || item.id === "recentLongTrip";
      await question(page, item.id)
        .getByRole("radio", { name: yes ? "Yes" : "No" })
        .check();
    }
    // The follow-up appears only after the yes, with last time's answer beside it.
    await expect(question(page, "veinHardPainful").getByText(`Last time (${answeredOn}) you said: No`)).toBeVisible();
    await question(page, "veinHardPainful").getByRole("radio", { name: "No" }).check();
    await expect(page.getByText(/asks about swelling in one leg/)).toBeVisible();
    await page.getByRole("button", { name: "Continue to review" }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Review and pay" })).toBeVisible();
    await expect(page.getByText("From your health answers:")).toBeVisible();
    await expect(page.getByText(/never presses on them/)).toBeVisible();
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnEmulatorCheckout(page, client.email);
    await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });

    const mine = (await (await page.request.get("/api/bookings")).json()) as {
      bookings: { id: string; startsAt: string }[];
    };
    const secondBooking = mine.bookings.find((booking) => booking.startsAt === new Date(second.start).toISOString());
    expect(secondBooking).toBeDefined();

    // Staff see the version and the questions as asked. The first visit has not taken place yet, so
    // there is no "changed since the last visit" (it compares only with a visit that took place:
    // tests/db/intake-history.test.ts).
    const staff = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const staffPage = await staff.newPage();
    await signIn(staffPage, "admin@clinic.test", DEMO_PASSWORD, /\/staff/);
    await staffPage.goto(`/staff/appointments/${secondBooking!.id}`);
    await expect(staffPage.getByText(/Questionnaire version 2/)).toBeVisible();
    await expect(staffPage.getByText(questionText("recentLongTrip") as string).first()).toBeVisible();
    await expect(staffPage.getByTestId("intake-changes")).toHaveCount(0);

    // A phone booking for the same client reads the latest answers back, each to confirm again.
    await staffPage.goto(`/staff/book?${new URLSearchParams({ q: client.email })}`);
    await staffPage.getByRole("link", { name: `Book for ${client.name}` }).click();
    await expect(staffPage).toHaveURL(/client=/);
    await staffPage.goto(
      `${staffPage.url()}&${new URLSearchParams({ service: SERVICE, therapist: first.therapistId, date: clinicDate(second.start) })}`,
    );
    await expect(
      staffPage.getByText(`Returning client: read each question and their answer from ${answeredOn}`),
    ).toBeVisible();
    await expect(question(staffPage, "recentLongTrip").getByText(`Last time (${answeredOn}): Yes`)).toBeVisible();
    await expect(question(staffPage, "cancer").getByText(`Last time (${answeredOn}): No`)).toBeVisible();
    await expect(staffPage.getByRole("radio", { name: "Yes", checked: true })).toHaveCount(0);
    await expect(staffPage.getByRole("radio", { name: "No", checked: true })).toHaveCount(0);
    await staff.close();
  });
});
