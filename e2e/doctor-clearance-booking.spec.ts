// A doctor's go-ahead on file lets the client book online for that condition (issue #17 point 5):
// "gave birth in the last 12 weeks" stops the online booking until staff record the clearance; then
// the same answers reach the review, and the therapist is told the go-ahead is on file.
import type { Page } from "@playwright/test";
import { CURRENT_QUESTIONNAIRE, questionText } from "../lib/clinical/questionnaire";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, newClient, ownNetwork, signIn, signUp } from "./helpers";

const SERVICE = "calf-reset-30";
const TIME_ZONE = "America/New_York";
const YES = new Set(["pregnantOrPostpartum", "gaveBirthRecently"]);

const question = (page: Page, id: string) => page.getByRole("group", { name: questionText(id) as string, exact: true });

async function answerPostpartum(page: Page) {
  await page.waitForLoadState("networkidle"); // the health step's code has arrived and hydrated
  for (const item of CURRENT_QUESTIONNAIRE.questions) {
    await question(page, item.id)
      .getByRole("radio", { name: YES.has(item.id) ? "Yes" : "No" })
      .check();
  }
  await question(page, "gaveBirthRecently").getByRole("radio", { name: "Yes" }).check();
}

test("a client with a doctor's go-ahead on file books online for that condition", async ({ page, browser }) => {
  await page.context().setExtraHTTPHeaders(ownNetwork());
  const client = newClient();
  await signUp(page, client);

  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const availability = await page.request.get(
    `/api/availability?${new URLSearchParams({ service: SERVICE, from, to })}`,
  );
  const { slots } = (await availability.json()) as { slots: { start: string }[] };
  const start = slots[0]!.start;
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(start));
  const healthStep = `/book?${new URLSearchParams({ service: SERVICE, therapist: "any", date, start })}`;

  // Without a go-ahead on file: a doctor's go-ahead first, no way on to payment.
  await page.goto(healthStep);
  await expect(page.getByRole("heading", { level: 2, name: "Health questions" })).toBeVisible();
  await answerPostpartum(page);
  await expect(page.getByRole("heading", { name: "Please check with your doctor first" })).toBeVisible();

  // The desk records the go-ahead.
  const staff = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  const staffPage = await staff.newPage();
  await signIn(staffPage, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  await staffPage.goto(`/staff/clients?q=${encodeURIComponent(client.email)}`);
  await staffPage.getByRole("link", { name: client.name }).first().click();
  const clearances = staffPage.getByRole("region", { name: "Doctor's clearances" });
  await clearances.getByLabel("Cleared for").selectOption({ label: "Gave birth in the last 12 weeks" });
  await clearances.getByLabel("Doctor or clinic who gave the go-ahead").fill("Dr. Okafor, Park Slope OB-GYN");
  await clearances.getByRole("button", { name: "Record clearance" }).click();
  await expect(clearances.getByText("Clearance recorded.")).toBeVisible();
  await staff.close();

  // The same answers now go on to the review.
  await page.goto(healthStep);
  await answerPostpartum(page);
  await expect(page.getByRole("heading", { name: "Please check with your doctor first" })).toHaveCount(0);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review and pay" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay / })).toBeVisible();
});
