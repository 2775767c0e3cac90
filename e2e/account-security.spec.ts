// Profile and security through the browser: a forgotten password reset with the link from the
// email the app really sends (over SMTP to e2e/mail-sink.ts), which works once and explains itself
// the second time; the new account's email confirmation before its first sign-in; axe on each page.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  expectNoSeriousA11yViolations,
  linkIn,
  newClient,
  ownNetwork,
  readLatestEmail,
  signIn,
  signUp,
} from "./helpers";

const NEW_PASSWORD = "quiet-harbour-violin";

test.describe("profile and security", () => {
  test.beforeEach(async ({ context }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
  });

  test("a forgotten password is reset through the emailed link, which works once", async ({ page, context }) => {
    const client = newClient();
    await signUp(page, client);
    await context.clearCookies();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expectNoSeriousA11yViolations(page, "forgot password");
    await page.getByLabel("Email").fill(client.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByText(/If an account uses that address, we've sent it a link/)).toBeVisible();

    const email = await readLatestEmail(client.email, /Reset your .* password/);
    const resetPath = linkIn(email, "/reset-password/");
    const opened = await page.goto(resetPath);
    expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
    await expectNoSeriousA11yViolations(page, "reset password");

    // The policy of sign-up applies: a common password is refused on its field, the link still usable.
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText(/too common/)).toBeVisible();
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText(/Your new password is set/)).toBeVisible();

    await page.getByRole("link", { name: "Sign in" }).first().click();
    await signIn(page, client.email, NEW_PASSWORD);

    await page.goto(resetPath);
    await expect(page.getByRole("heading", { level: 1, name: "This reset link can't be used" })).toBeVisible();
    await expect(page.getByText("This link has already been used.")).toBeVisible();
    await page.getByRole("link", { name: "Send me a new link" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });

  test("a new account signs in once its email is confirmed from the link sent at sign-up; the profile page saves details", async ({
    page,
  }) => {
    const client = newClient();
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill(client.name);
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill(client.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeFocused();

    // Not before the link is followed: the same answer as a wrong password, which says what to do.
    await signInExpectingRefusal(page, client.email, client.password);
    await expect(page.locator("form").getByRole("alert")).toContainText("follow the link we emailed you");

    const email = await readLatestEmail(client.email, /Confirm your email/);
    await page.goto(linkIn(email, "/verify-email/"));
    await expectNoSeriousA11yViolations(page, "confirm email");
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByText(/your email address is confirmed/)).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(client.email);
    await page.getByLabel("Password").fill(client.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("region", { name: "Please confirm your email address" })).toHaveCount(0);

    await page.getByRole("link", { name: "Profile & security" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expectNoSeriousA11yViolations(page, "profile");
    await expect(page.getByText(/\(confirmed\)/)).toBeVisible();
    await page.getByLabel("Phone (optional)").fill("call me");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText(/Use digits, spaces/)).toBeVisible();
    await expect(page.getByLabel("Phone (optional)")).toHaveValue("call me");
    await page.getByLabel("Phone (optional)").fill("(718) 555-0199");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Your details are saved.")).toBeVisible();
  });
});

async function signInExpectingRefusal(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in$/);
}
