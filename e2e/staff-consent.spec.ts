// The desk side of consent and clearances (issue #17 points 4 and 5): an admin opens a new client
// who has not signed the consent, records that they signed it on paper (a wrong name is refused
// first) and then that they withdrew it; records a doctor's clearance (an empty doctor is refused
// first, the form keeping what was typed), sees it in force, and revokes it after confirming.
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, newClient, ownNetwork, signIn, signUp } from "./helpers";

test("an admin records a desk consent and a doctor's clearance for a client, and revokes the clearance", async ({
  page,
  browser,
}) => {
  const client = newClient();
  const clientContext = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
  await signUp(await clientContext.newPage(), client);
  await clientContext.close();

  await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
  await page.goto(`/staff/clients?q=${encodeURIComponent(client.email)}`);
  await page.getByRole("link", { name: client.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();

  // Consent: not signed; a name that is not the account's is refused, the right one recorded.
  const consent = page.getByRole("region", { name: "Consent", exact: true });
  await expect(consent.getByText("Consent not signed")).toBeVisible();
  await consent.getByRole("radio", { name: "On paper" }).check();
  await consent.getByLabel("Name as signed").fill("Someone Else");
  await consent.getByRole("button", { name: "Record the signed consent" }).click();
  await expect(consent.getByText(/That isn't the name on the client's account/).first()).toBeVisible();
  await consent.getByRole("radio", { name: "On paper" }).check();
  await consent.getByLabel("Name as signed").fill(client.name.toLowerCase());
  await consent.getByRole("button", { name: "Record the signed consent" }).click();
  // The page is refreshed with the signature: the form gives way to "signed".
  await expect(consent.getByText("Consent signed")).toBeVisible();
  await expect(consent.getByText(new RegExp(`Version 1, .*, as ${client.name.toLowerCase()}\\.`))).toBeVisible();

  // The client withdraws it (asked first); the desk form is back, saying when.
  await consent.getByRole("button", { name: "Record a withdrawal" }).click();
  await consent.getByRole("button", { name: "Yes, record the withdrawal" }).click();
  await expect(consent.getByText(/The client withdrew their consent on /)).toBeVisible();
  await expect(consent.getByRole("button", { name: "Record the signed consent" })).toBeVisible();

  // Clearance: the doctor is required; the form keeps the rest.
  const clearances = page.getByRole("region", { name: "Doctor's clearances" });
  await expect(clearances.getByText("No doctor's clearance recorded.")).toBeVisible();
  await clearances.getByLabel("Cleared for").selectOption({ label: "Gave birth in the last 12 weeks" });
  await clearances.getByLabel("Note (optional)").fill("Six-week check done; light pressure.");
  await clearances.getByRole("button", { name: "Record clearance" }).click();
  await expect(clearances.getByText("Name the doctor or clinic who gave the go-ahead.")).toBeVisible();
  await expect(clearances.getByLabel("Note (optional)")).toHaveValue("Six-week check done; light pressure.");
  await clearances.getByLabel("Doctor or clinic who gave the go-ahead").fill("Dr. Okafor, Park Slope OB-GYN");
  await clearances.getByRole("button", { name: "Record clearance" }).click();
  await expect(clearances.getByText("Clearance recorded.")).toBeVisible();
  const item = clearances.getByRole("listitem").filter({ hasText: "Gave birth in the last 12 weeks" });
  await expect(item.getByText("In force")).toBeVisible();
  await expect(item.getByText(/Cleared by Dr\. Okafor, Park Slope OB-GYN/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "staff client page with consent and clearances");

  // Revoking asks first; "Keep it" changes nothing.
  await item.getByRole("button", { name: "Revoke" }).click();
  await item.getByRole("button", { name: "Keep it" }).click();
  await item.getByRole("button", { name: "Revoke" }).click();
  await item.getByRole("button", { name: "Yes, revoke" }).click();
  // The list is refreshed with the clearance revoked: no Revoke button any more.
  await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(item.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expect(item.getByText(/Revoked by Jordan Avery on /)).toBeVisible();
});
