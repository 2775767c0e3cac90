// Two-factor sign-in in the browser: a therapist sets it up on /staff/security (the code computed
// here from the key the page shows, as an authenticator app would), saves the recovery codes, is
// refused new ones with a wrong code, signs out, and signs in with password and code. An admin invites a therapist, who sets a password from
// the emailed link and signs in; turning that account off signs them out at once. Axe is clean on
// the security, team and accept-invite pages. REQUIRE_STAFF_MFA is not exercised here (the server
// is shared by every spec); tests/db/staff-mfa.test.ts covers it.
import { randomUUID } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, linkIn, ownNetwork, readLatestEmail, signIn } from "./helpers";

// A demo therapist no other spec signs in as: turning two-factor on cannot trip anyone else's sign-in.
const THERAPIST = { email: "priya@clinic.test" };
const INVITEE_PASSWORD = "harbour-lantern-orchard-9";

/** The code an authenticator app shows, `stepsAhead` 30-second steps from now. */
const totpCode = (key: Uint8Array, stepsAhead = 0) =>
  generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + stepsAhead), 6);

test("a therapist turns on two-factor sign-in and then signs in with password and code", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  const page = await context.newPage();
  await signIn(page, THERAPIST.email, DEMO_PASSWORD, /\/staff$/);

  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/staff\/security$/);
  await expect(page.getByText("Off.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the security page (off)");

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const manualKey = (await page.getByTestId("totp-manual-key").textContent()) ?? "";
  const key = decodeBase32IgnorePadding(manualKey.replace(/\s/g, ""));
  expect(key).toHaveLength(20);
  await expectNoSeriousA11yViolations(page, "the security page (setting up)");

  const codeField = page.getByLabel("Enter the 6-digit code the app shows");
  const wrong = totpCode(key) === "000000" ? "111111" : "000000";
  await codeField.fill(wrong);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code didn't work", { exact: false })).toBeVisible();
  await codeField.fill(totpCode(key));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: /save your recovery codes/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/since/)).toBeVisible();
  await expect(page.getByText("10 recovery codes left")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the security page (on)");
  // New recovery codes need a current code from the app; a wrong one is refused where it was typed.
  await page.getByLabel("Code from your app").fill(wrong);
  await page.getByRole("button", { name: "Generate new recovery codes" }).click();
  await expect(page.getByText("That code didn't work", { exact: false })).toBeVisible();
  await expect(page.getByText("10 recovery codes left")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The password alone no longer signs in: the form asks for the code next.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(THERAPIST.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signInCode = page.getByLabel("Code from your authenticator app");
  await expect(signInCode).toBeFocused();
  await expectNoSeriousA11yViolations(page, "the sign-in code step");
  // The code used to turn it on cannot be used again; the next step's code is within the allowance.
  await signInCode.fill(totpCode(key, 1));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);

  // Put the demo account back as it was, confirming with the password.
  await page.goto("/staff/security");
  await page.getByRole("button", { name: "Turn off two-factor sign-in…" }).click();
  await page.getByLabel("Your password").check();
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Turn off two-factor sign-in", exact: true }).click();
  await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
  await context.close();
});

test("an admin invites a therapist, who sets a password from the email and signs in; turning the account off signs them out", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  await page.goto("/staff/team");
  await expectNoSeriousA11yViolations(page, "the team page");

  const email = `new-therapist-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter their name.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Sam Okafor");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: email });
  await expect(card.getByText("Therapist · Invited, no password yet")).toBeVisible();
  await expect(card.getByRole("button", { name: "Re-send invitation" })).toBeVisible();

  // The invitee follows the emailed link, chooses a password and signs in.
  const invitee = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  const inviteePage = await invitee.newPage();
  const message = await readLatestEmail(email, /invited/);
  await inviteePage.goto(linkIn(message, "/accept-invite/"));
  await expect(inviteePage.getByText(email)).toBeVisible();
  await expectNoSeriousA11yViolations(inviteePage, "the accept-invite page");
  await inviteePage.getByLabel("Choose a password").fill(INVITEE_PASSWORD);
  await inviteePage.getByRole("button", { name: "Set password" }).click();
  await expect(inviteePage.getByText("Your password is set")).toBeVisible();
  await inviteePage.getByRole("link", { name: "Sign in" }).last().click();
  await inviteePage.getByLabel("Email").fill(email);
  await inviteePage.getByLabel("Password").fill(INVITEE_PASSWORD);
  await inviteePage.getByRole("button", { name: "Sign in" }).click();
  await expect(inviteePage).toHaveURL(/\/staff$/);

  // Turning the account off asks first, ends the invitee's session at once and stops sign-in.
  await page.reload();
  await expect(card.getByText("Therapist · Active")).toBeVisible();
  await card.getByRole("button", { name: "Turn account off…" }).click();
  await expect(card.getByText(/signed out everywhere at once/)).toBeVisible();
  await card.getByRole("button", { name: "Turn off the account" }).click();
  await expect(card.getByText("Therapist · Turned off")).toBeVisible();
  await expect(card.getByText("Account turned off and signed out on 1 device.")).toBeVisible();
  await inviteePage.goto("/staff");
  await expect(inviteePage).toHaveURL(/\/sign-in/);
  await inviteePage.getByLabel("Email").fill(email);
  await inviteePage.getByLabel("Password").fill(INVITEE_PASSWORD);
  await inviteePage.getByRole("button", { name: "Sign in" }).click();
  await expect(inviteePage.getByText("Email or password is incorrect.")).toBeVisible();
  await invitee.close();

  await card.getByRole("button", { name: "Turn account on again" }).click();
  await expect(card.getByText("Therapist · Active")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the team page after changes");
});
