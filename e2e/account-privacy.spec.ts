// The privacy page in the browser: reached from the account navigation, checked with axe; the data
// download is a JSON file of the client's own data; deleting the account asks for the password and
// a typed DELETE, keeps what was typed on a wrong password, then signs the client out for good.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, newClient, ownNetwork, signIn, signUp } from "./helpers";
import { bookAndPay, freeSlots } from "./paid-booking";

test.describe("privacy and your data", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("a client sees who viewed their health answers, downloads their data and deletes their account", async ({
    page,
    browser,
  }) => {
    const client = newClient();
    await signUp(page, client);
    const slots = await freeSlots(page.request, 6);
    const slot = slots[slots.length - 1];
    if (!slot) throw new Error("the demo seed should offer a free time");
    const { bookingId } = await bookAndPay(page, slot, client.email);

    await page.goto("/account");
    await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Privacy" }).click();
    await expect(page).toHaveURL("/account/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy and your data" })).toBeVisible();
    await expect(page.getByText("No one at the clinic has opened your health information yet.")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "privacy");

    // The clinic's admin opens the appointment (and so its health answers): the client sees who and when.
    const staffContext = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const staff = await staffContext.newPage();
    await signIn(staff, "admin@clinic.test", DEMO_PASSWORD, /\/staff/);
    await staff.goto(`/staff/appointments/${bookingId}`);
    await expect(staff.getByText("Appointment", { exact: true }).first()).toBeVisible();
    await staffContext.close();
    await page.reload();
    const views = page.getByRole("table", { name: /Staff views of your health information/ });
    await expect(
      views
        .getByRole("row")
        .filter({ hasText: "Jordan Avery" })
        .filter({ hasText: "Viewed your intake answers" })
        .first(),
    ).toBeVisible();
    await expect(
      views.getByRole("link", { name: /Second Heart Calf Massage, .*\d:\d{2}\s[AP]M\s[A-Z]{2,5}/ }).first(),
    ).toHaveAttribute("href", `/account/bookings/${bookingId}`);
    await expect(
      views.getByRole("link", { name: /Second Heart Calf Massage, .*\d:\d{2}\s[AP]M\s[A-Z]{2,5}/ }),
    ).toHaveAttribute("href", `/account/bookings/${bookingId}`);

    // Download: one JSON file with the client's own profile and appointment, and no secrets.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), "utf8");
    const data = JSON.parse(text) as { profile: { email: string }; bookings: { id: string; intake: unknown }[] };
    expect(data.profile.email).toBe(client.email);
    expect(data.bookings.map((booking) => booking.id)).toEqual([bookingId]);
    expect(data.bookings[0]?.intake).toMatchObject({ version: 2, answers: { suddenPainOrSwelling: false } });
    expect(text).not.toMatch(/passwordHash|\$argon2|tokenHash|totpSecret/);

    // Delete: what happens is said first; a wrong password keeps the typed confirmation.
    const deleting = page.getByRole("region", { name: "Delete your account" });
    await expect(deleting.getByRole("link", { name: /Second Heart Calf Massage/ })).toBeVisible();
    await page.getByRole("button", { name: "Delete my account…" }).click();
    await expect(
      page.getByText(/upcoming appointment is cancelled and refunded under its treatment's cancellation policy/),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, "delete account");
    await page.getByLabel("Your current password").fill("not-my-password-at-all");
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await expect(page.getByText("That password is not right.")).toBeVisible();
    await expect(page.getByLabel("Type DELETE to confirm")).toHaveValue("DELETE");

    await page.getByLabel("Your current password").fill(client.password);
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();

    // Signed out, and the old email and password no longer open anything.
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill(client.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  });
});
