// The booking journey in the browser, against the production build, the demo seed and the local
// Stripe emulator: book and pay end to end (by mouse, and by keyboard on a phone), a red flag that
// stops the booking, a time taken meanwhile, and leaving checkout without paying. Free times are
// found through the availability API, never hard-coded, so the specs pass on any day.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { CURRENT_QUESTIONNAIRE, questionSections, questionText } from "../lib/clinical/questionnaire";
import { expect, test } from "./fixtures";
import {
  CONSENT_NAME_LABEL,
  confirmSignUp,
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  payOnEmulatorCheckout,
  showDay,
  signUp,
  timeLabel,
} from "./helpers";

const SERVICE = "second-heart-massage-60";
const SERVICE_NAME = "Second Heart Calf Massage";
const CLINIC_PHONE = "(718) 555-0142";

interface Slot {
  start: string;
  end: string;
  therapistId: string;
  therapistName: string;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Free times over the next two months, from the same API the page uses. */
async function freeSlots(request: APIRequestContext): Promise<{ timeZone: string; slots: Slot[] }> {
  const from = new Date(Date.now() - 24 * 3_600_000);
  const to = new Date(from.getTime() + 61 * 24 * 3_600_000);
  const query = new URLSearchParams({ service: SERVICE, from: isoDate(from), to: isoDate(to) });
  const response = await request.get(`/api/availability?${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/**
 * A free time far enough ahead that the minimum notice cannot overtake it during the test. With
 * `leavesOthers`, one whose therapist has another free time that day well clear of it, so that
 * fresh times remain once it is taken.
 */
async function bookableSlot(request: APIRequestContext, { leavesOthers = false } = {}) {
  const { timeZone, slots } = await freeSlots(request);
  const clearOf = (a: Slot, b: Slot) =>
    a.therapistId === b.therapistId &&
    a.start.slice(0, 10) === b.start.slice(0, 10) &&
    Math.abs(Date.parse(a.start) - Date.parse(b.start)) >= 3 * 3_600_000;
  const slot = slots.find(
    (candidate) =>
      Date.parse(candidate.start) > Date.now() + 4 * 3_600_000 &&
      (!leavesOthers || slots.some((other) => clearOf(other, candidate))),
  );
  expect(slot, "the demo seed offers a free time in the next two months").toBeDefined();
  const chosen = slot as Slot;
  return { timeZone, slot: chosen, date: chosen.start.slice(0, 10), time: timeLabel(chosen.start, timeZone) };
}

async function expectStep(page: Page, heading: string) {
  await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText(stepName(heading));
  // Later steps are loaded when reached: an answer clicked before their code has arrived and
  // hydrated is lost (the server-rendered radio changes, React's state does not).
  await page.waitForLoadState("networkidle");
}

function stepName(heading: string): string {
  const names: Record<string, string> = {
    "Choose a treatment": "Treatment",
    "Choose a therapist": "Therapist",
    "Choose a day": "Day",
    "Choose a time": "Time",
    "Health questions": "Health questions",
    "Sign in to book": "Sign in",
    "Review and pay": "Review and pay",
  };
  return names[heading] ?? heading;
}

const question = (page: Page, text: string) => page.getByRole("group", { name: text, exact: true });
const Q = (id: string) => questionText(id) as string;

/** Answers every question (and each follow-up shown after a yes): yes for the ids given, else no. */
async function answerScreening(page: Page, yes: string[] = []) {
  // The health step is loaded when it is reached: answer once its code has arrived and hydrated,
  // or a click made before that is lost (the button does nothing yet, and the test waits forever).
  await page.waitForLoadState("networkidle");
  for (const item of CURRENT_QUESTIONNAIRE.questions) {
    await question(page, item.text)
      .getByRole("radio", { name: yes.includes(item.id) ? "Yes" : "No" })
      .check();
    if (!yes.includes(item.id)) continue;
    for (const followUp of item.followUps ?? []) {
      await question(page, followUp.text)
        .getByRole("radio", { name: yes.includes(followUp.id) ? "Yes" : "No" })
        .check();
    }
  }
}

async function expectConfirmedWithCalendarFile(page: Page) {
  await expect(page).toHaveURL(/\/book\/confirmed\?session_id=/);
  // The success page confirms through the same idempotent path as the webhook, and refreshes itself
  // until one of them has.
  await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(page.getByText(/\d{1,2}:\d{2}\s[AP]M\s[A-Z]{2,5}/).first()).toBeVisible();
  const ics = page.getByRole("link", { name: /Add to calendar/ });
  const href = await ics.getAttribute("href");
  expect(href).toMatch(/^\/api\/bookings\/[^/]+\/ics$/);
  const file = await page.request.get(href as string);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("text/calendar");
  expect(await file.text()).toContain("BEGIN:VCALENDAR");
  await expect(page.getByRole("link", { name: "Read the aftercare guide" })).toHaveAttribute(
    "href",
    "/learn/aftercare-second-heart-massage",
  );
  await expect(page.getByRole("link", { name: "Your appointments" }).first()).toHaveAttribute("href", "/account");
}

test.describe("booking a calf massage", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("a new client books a 60-minute calf massage from its service page, pays on the test checkout and gets an .ics", async ({
    page,
    request,
  }) => {
    const { date, time } = await bookableSlot(request);
    const client = newClient();

    await page.goto(`/services/${SERVICE}`);
    const aside = page.getByRole("complementary", { name: "Book this treatment" });
    await expect(aside.getByText(/Free cancellation up to 24 hours before your appointment/)).toBeVisible();
    await expect(aside.getByRole("link", { name: /^Book with [A-Z]/ })).toHaveCount(3);
    await expect(aside.getByRole("link", { name: "Book with any therapist" })).toBeVisible();
    await aside.getByRole("link", { name: `Book ${SERVICE_NAME}` }).click();

    await expect(page).toHaveURL(`/book?service=${SERVICE}`);
    await expectStep(page, "Choose a therapist");
    await expectNoSeriousA11yViolations(page, "therapist");
    await page.getByRole("link", { name: /^Any therapist/ }).click();

    await expectStep(page, "Choose a day");
    const day = await showDay(page, date);
    await expectNoSeriousA11yViolations(page, "day");
    await day.click();

    await expectStep(page, "Choose a time");
    await expect(page.getByText(/Times are in .+ Time/)).toBeVisible();
    await expect(page.getByRole("heading", { name: /^(Morning|Afternoon|Evening)$/ }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "time");
    await page.getByRole("button", { name: time }).first().click();

    await expectStep(page, "Health questions");
    await expectNoSeriousA11yViolations(page, "health");
    await answerScreening(page, ["varicoseVeins"]);
    await expect(page.getByText(/never presses on them/)).toBeVisible();
    // Health answers never travel in the URL.
    expect(page.url()).not.toMatch(/varicose|chest|intake|pregnant/i);
    await page.getByRole("button", { name: "Continue" }).click();

    await expectStep(page, "Sign in to book");
    await expectNoSeriousA11yViolations(page, "sign in");
    const chosenUrl = new URL(page.url());
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
    await page.getByLabel("Your name").fill(client.name);
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill(client.password);
    await page.getByRole("button", { name: "Create account" }).click();
    // The emailed link brings the new client back to this booking once they have signed in.
    await confirmSignUp(page, client, /\/book\?/);

    // Back with the whole choice kept, and the answers still in this tab.
    await expectStep(page, "Review and pay");
    for (const name of ["service", "therapist", "date", "start"]) {
      expect(new URL(page.url()).searchParams.get(name)).toBe(chosenUrl.searchParams.get(name));
    }
    const review = page.locator("main");
    await expect(review.getByText(`${SERVICE_NAME} (60 min)`)).toBeVisible();
    await expect(review.getByText("$95.00").first()).toBeVisible();
    await expect(review.getByText(/Free cancellation up to 24 hours before your appointment/)).toBeVisible();
    await expect(review.getByText(/we hold this time for you for 30 minutes/)).toBeVisible();
    await expect(review.getByText("Test mode: no real card is charged.")).toBeVisible();
    await expect(review.getByText(/never presses on them/)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "review");

    await page.getByLabel(CONSENT_NAME_LABEL).fill(client.name);
    const pay = page.getByRole("button", { name: "Pay $95.00" });
    await pay.click();
    await expect(page).toHaveURL(/\/checkout\/cs_/);
    await payOnEmulatorCheckout(page, client.email);

    await expectConfirmedWithCalendarFile(page);
    await expectNoSeriousA11yViolations(page, "confirmation");
    // The answers were for this booking only: gone from the tab once it is paid.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes("intake")))).toEqual([]);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 360, height: 780 } });

    /** Presses Tab until the element has focus: proof it can be reached by keyboard alone. */
    async function tabTo(page: Page, target: Locator, limit = 120) {
      await expect(target).toBeVisible();
      for (let presses = 0; presses < limit; presses += 1) {
        if (await target.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${target}`);
    }

    test("books and pays with the keyboard alone at 360 px @mobile", async ({ page, request }) => {
      const { date, time } = await bookableSlot(request);
      const client = newClient();

      await page.goto(`/services/${SERVICE}`);
      await tabTo(page, page.getByRole("link", { name: "Book now" }));
      await page.keyboard.press("Enter");

      await expectStep(page, "Choose a therapist");
      await tabTo(page, page.getByRole("link", { name: /^Any therapist/ }));
      await page.keyboard.press("Enter");

      await expectStep(page, "Choose a day");
      await expect(page.locator(".booking-day-available").first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, "day (phone)");
      // Into the grid with Tab, to the day with the arrow keys, chosen with Enter.
      await tabTo(page, page.locator(".rdp-day_button[tabindex='0']"));
      for (let presses = 0; presses < 70; presses += 1) {
        const focused = await page.evaluate(() =>
          document.activeElement?.closest("[data-day]")?.getAttribute("data-day"),
        );
        if (focused === date) break;
        await page.keyboard.press(focused && focused > date ? "ArrowLeft" : "ArrowRight");
      }
      await page.keyboard.press("Enter");

      await expectStep(page, "Choose a time");
      await expect(page.getByRole("heading", { level: 2, name: "Choose a time" })).toBeFocused();
      await tabTo(page, page.getByRole("button", { name: time }).first());
      await page.keyboard.press("Enter");

      await expectStep(page, "Health questions");
      await expect(page.getByRole("heading", { level: 2, name: "Health questions" })).toBeFocused();
      await expectNoSeriousA11yViolations(page, "health (phone)");
      // Each question, in the order shown: Tab onto its first option, then an arrow key selects "No".
      const { urgent, history } = questionSections();
      const questions = [...urgent, ...history].map((item) => item.text);
      await tabTo(page, question(page, questions[0] as string).getByRole("radio", { name: "Yes" }));
      for (const [index, text] of questions.entries()) {
        if (index > 0) await page.keyboard.press("Tab");
        await expect(question(page, text).getByRole("radio", { name: "Yes" })).toBeFocused();
        await page.keyboard.press("ArrowDown");
        await expect(question(page, text).getByRole("radio", { name: "No" })).toBeChecked();
      }
      await tabTo(page, page.getByRole("button", { name: "Continue" }));
      await page.keyboard.press("Enter");

      await expectStep(page, "Sign in to book");
      await tabTo(page, page.getByRole("link", { name: "Create an account" }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
      await tabTo(page, page.getByLabel("Your name"));
      await page.keyboard.type(client.name);
      await page.keyboard.press("Tab");
      await page.keyboard.type(client.email);
      await page.keyboard.press("Tab");
      await page.keyboard.type(client.password);
      await page.keyboard.press("Enter");
      await confirmSignUp(page, client, /\/book\?/);

      await expectStep(page, "Review and pay");
      await expectNoSeriousA11yViolations(page, "review (phone)");
      await expect(page.getByText("Test mode: no real card is charged.")).toBeVisible();
      await tabTo(page, page.getByLabel(CONSENT_NAME_LABEL));
      await page.keyboard.type(client.name);
      await tabTo(page, page.getByRole("button", { name: "Pay $95.00" }));
      await page.keyboard.press("Enter");

      await expect(page).toHaveURL(/\/checkout\/cs_/);
      await expect(page.getByText(/TEST MODE/)).toBeVisible();
      const receipt = page.getByLabel("Email for the receipt");
      if (await receipt.isVisible()) {
        await tabTo(page, receipt);
        await page.keyboard.type(client.email);
      }
      await tabTo(page, page.getByRole("button", { name: "Pay", exact: true }));
      await page.keyboard.press("Enter");

      await expectConfirmedWithCalendarFile(page);
      await expectNoSeriousA11yViolations(page, "confirmation (phone)");
    });
  });

  test("a red-flag answer stops the booking with urgent-care guidance and no way to pay", async ({ page, request }) => {
    const { slot, date } = await bookableSlot(request);
    await page.goto(
      `/book?${new URLSearchParams({ service: SERVICE, therapist: "any", date, start: slot.start }).toString()}`,
    );
    await expectStep(page, "Health questions");

    await question(page, Q("chestPainOrBreathlessness")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Call 911 now" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    await expect(page.getByRole("alert").filter({ hasText: "We can't take this booking online" })).toBeVisible();
    await expect(page.getByRole("link", { name: CLINIC_PHONE }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Pay|Continue/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, "red flag");

    await question(page, Q("chestPainOrBreathlessness")).getByRole("radio", { name: "No" }).check();
    await question(page, Q("suddenPainOrSwelling")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please see a doctor today" })).toBeVisible();
    await expect(page.getByText(/go to urgent care or an emergency room/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Pay|Continue/ })).toHaveCount(0);

    await question(page, Q("suddenPainOrSwelling")).getByRole("radio", { name: "No" }).check();
    // A doctor's go-ahead waits until every question is answered, so it never hides a later answer
    // that needs a doctor today; then the worst answer wins.
    const goAhead = page.getByRole("heading", { name: "Please check with your doctor first" });
    await question(page, Q("walkingPain")).getByRole("radio", { name: "Yes" }).check();
    await expect(goAhead).toHaveCount(0);
    await answerScreening(page, ["walkingPain"]);
    await expect(goAhead).toBeVisible();
    await question(page, Q("varicoseVeins")).getByRole("radio", { name: "Yes" }).check();
    await expect(goAhead).toHaveCount(0); // its follow-up is still open
    await question(page, Q("veinHardPainful")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please see a doctor today" })).toBeVisible();
    await expect(goAhead).toHaveCount(0);
    await question(page, Q("varicoseVeins")).getByRole("radio", { name: "No" }).check();
    await question(page, Q("walkingPain")).getByRole("radio", { name: "No" }).check();
    await expect(
      page.getByRole("heading", { name: /Please see a doctor today|Please check with your doctor/ }),
    ).toHaveCount(0);
    await question(page, Q("clotHistory")).getByRole("radio", { name: "No" }).check();
    // A past clot alone goes on with a caution; the follow-up only appears after that yes.
    await expect(question(page, Q("clotRecent"))).toHaveCount(0);
    await question(page, Q("clotHistory")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByText(/keeps the pressure light and asks how you are now/)).toBeVisible();
    await question(page, Q("clotRecent")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please check with your doctor first" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Pay|Continue/ })).toHaveCount(0);
    await question(page, Q("clotRecent")).getByRole("radio", { name: "No" }).check();

    // Feeling unwell: come when well.
    await question(page, Q("feverOrUnwell")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please come when you're well" })).toBeVisible();
    await expect(page.getByText(/48 hours without a fever/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Pay|Continue/ })).toHaveCount(0);
    await question(page, Q("feverOrUnwell")).getByRole("radio", { name: "No" }).check();
    await question(page, Q("clotRecent")).getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByRole("heading", { name: "Please check with your doctor first" })).toBeVisible();

    // The answers stay out of the URL, and a hand-typed later step still stops here, not at payment.
    expect(page.url()).not.toMatch(/clot|chest|intake/i);
    await page.goto(`${page.url()}&step=review`);
    await expect(page.getByRole("heading", { name: "Please check with your doctor first" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Pay/ })).toHaveCount(0);
  });

  test("a time taken meanwhile says so clearly and shows fresh times for that day", async ({
    page,
    browser,
    request,
  }) => {
    const { slot, date, time } = await bookableSlot(request, { leavesOthers: true });
    await signUp(page, newClient());

    // This client chooses the therapist the time is free with, and reaches the review.
    await page.goto(`/book?service=${SERVICE}`);
    await page.getByRole("link", { name: new RegExp(`^${slot.therapistName}`) }).click();
    await expectStep(page, "Choose a day");
    await (await showDay(page, date)).click();
    await page.getByRole("button", { name: time }).first().click();
    await expectStep(page, "Health questions");
    await answerScreening(page);
    await page.getByRole("button", { name: "Continue to review" }).click();
    await expectStep(page, "Review and pay");
    const choice = new URL(page.url()).searchParams;

    // Meanwhile someone else, in another browser, holds the same time by going to checkout.
    const other = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const otherPage = await other.newPage();
    await signUp(otherPage, newClient());
    await otherPage.goto(
      `/book?${new URLSearchParams({
        service: SERVICE,
        therapist: choice.get("therapist") as string,
        date,
        start: slot.start,
      }).toString()}`,
    );
    await answerScreening(otherPage);
    await otherPage.getByRole("button", { name: "Continue to review" }).click();
    await otherPage.getByLabel(CONSENT_NAME_LABEL).fill(newClient().name);
    await otherPage.getByRole("button", { name: "Pay $95.00" }).click();
    await expect(otherPage).toHaveURL(/\/checkout\/cs_/);
    await other.close();

    await page.getByLabel(CONSENT_NAME_LABEL).fill(newClient().name);
    await page.getByRole("button", { name: "Pay $95.00" }).click();
    await expectStep(page, "Choose a time");
    await expect(page.getByRole("alert").filter({ hasText: "That time was just taken" })).toBeVisible();
    // The rest of the choice is kept; the taken time is gone from the fresh list.
    const after = new URL(page.url()).searchParams;
    expect(after.get("service")).toBe(SERVICE);
    expect(after.get("therapist")).toBe(choice.get("therapist"));
    expect(after.get("date")).toBe(date);
    await expect(page.getByRole("heading", { name: /^(Morning|Afternoon|Evening)$/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: time })).toHaveCount(0);
  });

  test("leaving checkout without paying keeps the time held, and paying again reuses the same checkout", async ({
    page,
    request,
  }) => {
    const { slot, date } = await bookableSlot(request);
    const client = newClient();
    await signUp(page, client);
    await page.goto(
      `/book?${new URLSearchParams({ service: SERVICE, therapist: "any", date, start: slot.start }).toString()}`,
    );
    await answerScreening(page);
    await page.getByRole("button", { name: "Continue to review" }).click();
    await page.getByLabel(CONSENT_NAME_LABEL).fill(client.name);
    await page.getByRole("button", { name: "Pay $95.00" }).click();
    await expect(page).toHaveURL(/\/checkout\/cs_/);
    const checkoutUrl = page.url();

    await page.getByRole("button", { name: "Cancel" }).click();
    await expectStep(page, "Review and pay");
    await expect(page.getByText("Payment not finished")).toBeVisible();
    await expect(page.getByText(/We're holding this time for you/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Choose another time" }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "checkout cancelled");

    await page.getByRole("button", { name: "Pay $95.00" }).click();
    await expect(page).toHaveURL(checkoutUrl);
    await payOnEmulatorCheckout(page, client.email);
    await expectConfirmedWithCalendarFile(page);
  });
});
