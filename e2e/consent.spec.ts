// Signed consent while booking, on a 360 px phone (issue #17 point 4): a new client reaches the
// review, reads the consent, signs with a name that isn't theirs (refused, the field says why), then
// with their own name typed differently (accepted: case and spaces don't matter), pays, and finds the
// signed text in their account, printable. The next booking's review only says it was signed.
import { expect, test } from "./fixtures";
import { CONSENT_NAME_LABEL, expectNoSeriousA11yViolations, newClient, payOnEmulatorCheckout, signUp } from "./helpers";
import { freeSlots, PAID_SERVICE } from "./paid-booking";

test.use({ viewport: { width: 360, height: 780 } });

/** Every question on the health step answered "No" (follow-ups appear only after a "Yes"). */
async function answerAllNo(page: import("@playwright/test").Page) {
  await expect(page.getByRole("heading", { level: 2, name: "Health questions" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // the health step's code has arrived and hydrated
  const noes = page.getByRole("radio", { name: "No", exact: true });
  const count = await noes.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) await noes.nth(index).check();
}

async function reachReview(page: import("@playwright/test").Page, start: string) {
  await page.goto(
    `/book?${new URLSearchParams({ service: PAID_SERVICE, therapist: "any", date: start.slice(0, 10), start })}`,
  );
  await answerAllNo(page);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Review and pay" })).toBeVisible();
}

async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test("a new client signs the consent while booking on a phone and finds it in their account", async ({
  page,
  request,
}) => {
  const client = newClient();
  await signUp(page, client);
  const slots = (await freeSlots(request)).filter((slot) => Date.parse(slot.start) > Date.now() + 4 * 3_600_000);
  const [first, second] = [slots[0], slots.find((slot) => slot.start.slice(0, 10) !== slots[0]?.start.slice(0, 10))];
  expect(first && second, "the demo seed offers free times on two days").toBeTruthy();

  await reachReview(page, first!.start);
  const consent = page.getByRole("region", { name: "Consent to calf massage treatment" });
  await expect(consent).toBeVisible();
  await expect(consent.getByRole("heading", { name: "You are in charge" })).toBeVisible();
  await expect(consent.getByRole("heading", { name: "What we record and who sees it" })).toBeVisible();
  await expect(consent.getByText(/Capital letters and extra spaces don't matter/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page, "review with consent (phone)");

  // Someone else's name: refused, nothing held, the field says why.
  await page.getByLabel(CONSENT_NAME_LABEL).fill("Somebody Else");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That isn't the name on your account" })).toBeVisible();
  await expect(page).toHaveURL(/\/book\?/);
  await expect(page.getByLabel(CONSENT_NAME_LABEL)).toHaveAttribute("aria-invalid", "true");

  // Their own name, in other capitals and with extra spaces: signed with the booking.
  await page.getByLabel(CONSENT_NAME_LABEL).fill(`  ${client.name.toUpperCase().replace(" ", "   ")} `);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/cs_/);
  await payOnEmulatorCheckout(page, client.email);
  await expect(page.getByRole("heading", { level: 1, name: "You're booked" })).toBeVisible({ timeout: 30_000 });

  // The account keeps the text as signed, ready to print.
  await page.goto("/account/consent");
  await expect(page.getByRole("heading", { level: 1, name: "Your consent" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Consent to calf massage treatment (version 1)" }),
  ).toBeVisible();
  await expect(page.getByText(/typed online/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Withdrawing your consent" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "What the treatment involves" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Signed once: the next review says so and asks for no name.
  await reachReview(page, second!.start);
  await expect(page.getByText(/You signed our treatment consent \(version 1\)/)).toBeVisible();
  await expect(page.getByLabel(CONSENT_NAME_LABEL)).toHaveCount(0);
});
