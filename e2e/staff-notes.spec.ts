// Treatment notes in the browser: a client books and pays (through the API and the Stripe emulator),
// their therapist checks them in, writes a SOAP note with a calf record (a score out of range is
// refused beside the field, nothing typed is lost), completes the visit, amends the note (the history
// shows both versions) and reads the calf trend on the client's page. The demo seed's client seen four
// times shows a trend too. Axe is clean on the appointment and client pages.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn } from "./helpers";
import { bookAndPay, freeSlots, signUpInOwnContext, type FreeSlot } from "./paid-booking";

const SERVICE = "calf-reset-30";
const THERAPIST = { email: "therapist@clinic.test", name: "Maya Lindqvist" };

async function bookWithMaya(browser: Browser) {
  const { context, page, client } = await signUpInOwnContext(browser);
  const slot = (await freeSlots(page.request, 0, SERVICE)).find(
    (s) => s.therapistName === THERAPIST.name && Date.parse(s.start) > Date.now() + 4 * 3_600_000,
  );
  expect(slot, "the demo seed leaves free times with Maya").toBeTruthy();
  const { bookingId } = await bookAndPay(page, slot as FreeSlot, client.email, client.name, { service: SERVICE });
  await context.close();
  return { client, bookingId };
}

const calf = (page: Page, side: "Left" | "Right", measure: string) =>
  page.getByLabel(`${side} calf: ${measure} (0 to 10)`);

async function fillCalf(page: Page, scores: Record<"Left" | "Right", [string, string, string]>) {
  for (const side of ["Left", "Right"] as const) {
    const [tension, swelling, tenderness] = scores[side];
    await calf(page, side, "tension").fill(tension);
    await calf(page, side, "swelling").fill(swelling);
    await calf(page, side, "tenderness").fill(tenderness);
  }
}

test("a therapist writes a visit's note with a calf record, amends it, and reads the trend on the client page", async ({
  page,
  browser,
}) => {
  const { client, bookingId } = await bookWithMaya(browser);
  await signIn(page, THERAPIST.email, DEMO_PASSWORD, /\/staff$/);
  await page.goto(`/staff/appointments/${bookingId}`);
  const notes = page.getByRole("region", { name: "Treatment note" });
  await expect(notes.getByText("A note can be written once the client has checked in.")).toBeVisible();

  await page.getByRole("button", { name: "Check in" }).click();
  await expect(page.getByText("Checked in.")).toBeVisible();
  await expect(notes.getByLabel("Subjective", { exact: true })).toBeVisible();

  await notes.getByLabel("Subjective", { exact: true }).fill("Calves heavy after a week of long shifts.");
  await notes.getByLabel("Objective", { exact: true }).fill("Left calf firm; slight ankle puffiness.");
  await notes.getByLabel("Assessment", { exact: true }).fill("Tension from standing; screening clear.");
  await notes.getByLabel("Plan", { exact: true }).fill("Drainage strokes; ankle pumps at work.");
  await fillCalf(page, { Left: ["11", "3", "4"], Right: ["5", "2", "3"] });
  await notes.getByRole("button", { name: "Save note" }).click();
  // Refused beside the field, with everything typed still there.
  await expect(notes.getByText("Enter a whole number from 0 to 10.")).toBeVisible();
  await expect(calf(page, "Left", "tension")).toHaveAttribute("aria-invalid", "true");
  await expect(notes.getByLabel("Plan", { exact: true })).toHaveValue("Drainage strokes; ankle pumps at work.");

  await calf(page, "Left", "tension").fill("7");
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(notes.getByText("Saved as version 1.")).toBeVisible();
  await expect(notes.getByText(/Version 1 \(current\) written by Maya Lindqvist/)).toBeVisible();

  await page.getByRole("button", { name: "Complete visit" }).click();
  await expect(page.getByText("Visit completed.")).toBeVisible();

  // The amendment: a reason, a new version, the first one kept.
  await notes.getByLabel("Plan", { exact: true }).fill("Drainage strokes; ankle pumps at work; review in a week.");
  await calf(page, "Left", "tension").fill("6");
  await notes.getByLabel("Reason for the amendment").fill("Client called: heaviness eased.");
  await notes.getByRole("button", { name: "Save amendment" }).click();
  await expect(notes.getByText("Amendment saved as version 2.")).toBeVisible();
  const history = notes.getByRole("region", { name: "Note history" });
  await expect(history.getByText(/Version 2 \(current\) amended by Maya Lindqvist/)).toBeVisible();
  await expect(history.getByText("Reason: Client called: heaviness eased.")).toBeVisible();
  await history.getByText("Show version 1").click();
  await expect(history.getByText("Drainage strokes; ankle pumps at work.", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "appointment with its note");

  await page.getByRole("link", { name: client.name }).first().click();
  await expect(page).toHaveURL(/\/staff\/clients\//);
  await expect(page.getByRole("img", { name: /Left calf/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Right calf/ })).toBeVisible();
  await expect(page.getByText("Review in a week.", { exact: false })).toBeVisible();
  await page.getByText("Show the scores as a table").click();
  const table = page.getByRole("table", { name: /Calf scores per visit/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("cell", { name: "6" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "client page with the calf trend");
});

test("the demo clinic shows a client's calf trend over four visits to the demo therapist", async ({ page }) => {
  await signIn(page, THERAPIST.email, DEMO_PASSWORD, /\/staff$/);
  await page.goto(`/staff/clients?q=${encodeURIComponent("Alex Rivera")}`);
  await page.getByRole("link", { name: "Alex Rivera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex Rivera" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Left calf/ })).toHaveAccessibleDescription(/^4 visits/);
  await expect(page.getByText(/Version 2, last saved by Maya Lindqvist/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "a demo client's page");
});
