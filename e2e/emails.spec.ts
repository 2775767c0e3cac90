// Messages as people see them: a client who books reads the confirmation in their mailbox (HTML, text
// and the calendar file) and under /account/messages; an admin reads the clinic's sent email at
// /staff/emails, filters it by status and opens a message. Retrying a dead letter needs a message
// failed 8 times over hours of back-off, so tests/db/staff-emails.test.ts covers it on a database.
import { SYMPTOM_ADVICE } from "../lib/clinical/symptom-advice";
import { expect, test } from "./fixtures";
import {
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  readLatestEmail,
  signIn,
  signUp,
} from "./helpers";
import { bookAndPay, freeSlots } from "./paid-booking";

test.describe("messages", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("a client's confirmation arrives with its calendar file and shows under their messages; an admin sees it in sent email", async ({
    page,
    browser,
  }) => {
    const client = newClient();
    await signUp(page, client);
    const [slot] = await freeSlots(page.request, 4);
    if (!slot) throw new Error("no free time to book");
    await bookAndPay(page, slot, client.email);

    const email = await readLatestEmail(client.email, /^Booked:/);
    expect(email.html).toMatch(/<h1[^>]*>Your appointment is booked<\/h1>/);
    expect(email.text.replace(/\s+/g, " ")).toContain(SYMPTOM_ADVICE.sameDay);
    expect(email.attachments).toContain("appointment.ics");

    await page.goto("/account/messages");
    await expect(page.getByRole("heading", { level: 1, name: "Your messages" })).toBeVisible();
    const confirmation = page.getByRole("article", { name: /^Booked:/ });
    await expect(confirmation).toBeVisible();
    await expect(confirmation.getByText("appointment.ics")).toBeVisible();
    await confirmation.getByText("Show the message").click();
    await expect(confirmation.getByText(/see a doctor today/).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, "account messages");

    const staff = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const admin = await staff.newPage();
    await signIn(admin, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    await admin.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Emails" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Sent email" })).toBeVisible();
    const sent = admin.getByRole("article", { name: /^Booked:/ }).filter({ hasText: client.email });
    await expect(sent).toBeVisible();
    await expectNoSeriousA11yViolations(admin, "staff sent email");

    await admin
      .getByRole("navigation", { name: "Filter by status" })
      .getByRole("link", { name: /^Failed/ })
      .click();
    await expect(admin).toHaveURL(/status=FAILED/);
    await expect(admin.getByRole("article").filter({ hasText: client.email })).toHaveCount(0);
    await expectNoSeriousA11yViolations(admin, "staff failed email");
    await staff.close();
  });
});
