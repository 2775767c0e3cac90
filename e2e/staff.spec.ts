// The staff area in the browser: a therapist sees the day, opens an appointment of theirs (booked
// and paid first through the API and the Stripe emulator, so the test owns its visit), checks the
// client in and completes the visit; another therapist's appointment and the admin pages are 404s;
// the role × page matrix comes from lib/auth/staff-routes.ts; axe is clean on every staff page.
import type { Browser } from "@playwright/test";
import { STAFF_ROUTES, staffRouteAllows, type StaffRouteKey } from "@/lib/auth/staff-routes";
import { expect, test } from "./fixtures";
import { allNoIntake, DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn } from "./helpers";
import { bookAndPay, freeSlots, holdSlot, signUpInOwnContext, type FreeSlot } from "./paid-booking";

const SERVICE = "calf-reset-30";
const THERAPIST = { email: "therapist@clinic.test", name: "Maya Lindqvist" };
const CLEAR_INTAKE = allNoIntake({ varicoseVeins: true, veinHardPainful: false });

// A signed-up client books one time with Maya (paid through the emulator) and holds one with
// another therapist: the therapist's appointment and someone else's.
async function bookAsClient(browser: Browser) {
  const { context, page, client } = await signUpInOwnContext(browser);
  const slots = await freeSlots(page.request, 0, SERVICE);
  const later = slots.filter((slot) => Date.parse(slot.start) > Date.now() + 4 * 3_600_000);
  const mine = later.find((slot) => slot.therapistName === THERAPIST.name);
  const theirs = later.find((slot) => slot.therapistName !== THERAPIST.name);
  expect(mine && theirs, "the demo seed offers times with Maya and with another therapist").toBeTruthy();

  const choices = { service: SERVICE, intake: CLEAR_INTAKE };
  const own = await bookAndPay(page, mine as FreeSlot, client.email, client.name, choices);
  const other = await holdSlot(page, theirs as FreeSlot, client.name, choices);
  await context.close();
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(mine?.start ?? ""));
  return { client, own: { id: own.bookingId }, other: { id: other.bookingId }, day };
}

test("a therapist runs a visit: sees the day, checks the client in and completes it", async ({
  page,
  browser,
  browserErrors,
}) => {
  browserErrors.allow(/status of 404/); // the other therapist's appointment, opened on purpose
  const { client, own, other, day } = await bookAsClient(browser);

  await signIn(page, THERAPIST.email, DEMO_PASSWORD, /\/staff$/);
  const header = page.getByRole("banner");
  await expect(header.getByText(THERAPIST.name)).toBeVisible();
  await expect(header.getByText("Signed in as Therapist")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Team" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the day view");

  await page.goto(`/staff?day=${day}`);
  await expect(page.getByRole("heading", { level: 2, name: THERAPIST.name })).toBeVisible();
  await expect(page.getByText(/All times in Eastern Time/)).toBeVisible();
  // Earlier runs may have left visits of other "Robin Test"s on this day: open this test's own.
  const visit = page.locator(`a[href="/staff/appointments/${own.id}"]`);
  await expect(visit).toContainText(client.name);
  await expect(visit).toContainText("Confirmed");
  await visit.click();
  await expect(page).toHaveURL(new RegExp(`/staff/appointments/${own.id}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(client.name);
  await expect(page.getByText(client.email).first()).toBeVisible();
  await expect(page.getByText(/Caution: Do you have varicose veins\?/)).toBeVisible();
  await expect(page.getByText(/\d{1,2}:\d{2}\s[AP]M\s[A-Z]{2,5}/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the appointment page");

  await page.getByRole("button", { name: "Check in" }).click();
  await expect(page.getByText("Checked in.")).toBeVisible();
  await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Complete visit" }).click();
  await expect(page.getByText("Visit completed.")).toBeVisible();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  await expect(page.getByText("No further steps for this appointment.")).toBeVisible();

  for (const path of ["/staff/week", "/staff/clients", `/staff/clients?q=${encodeURIComponent(client.email)}`]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page, path);
  }
  await expect(page.getByRole("link", { name: client.name })).toBeVisible();

  // The staff API: a therapist gets their own bookings of the day, whatever therapist is asked for.
  const api = await page.request.get(`/api/bookings?day=${day}&therapist=${encodeURIComponent("someone-else")}`);
  expect(api.status()).toBe(200);
  const ids = ((await api.json()).bookings as { id: string }[]).map((b) => b.id);
  expect(ids).toContain(own.id);
  expect(ids).not.toContain(other.id);

  const someoneElses = await page.goto(`/staff/appointments/${other.id}`);
  expect(someoneElses?.status()).toBe(404);
});

// One row per role, generated from the list every staff guard reads.
const PAGES = (Object.keys(STAFF_ROUTES) as StaffRouteKey[]).filter(
  (key) => STAFF_ROUTES[key].kind === "page" && !key.includes("["),
);
const ROLES = [
  { role: "THERAPIST", email: "therapist@clinic.test", landing: /\/staff$/ },
  { role: "ADMIN", email: "admin@clinic.test", landing: /\/staff$/ },
  { role: "CLIENT", email: "client@clinic.test", landing: /\/account$/ },
] as const;

for (const { role, email, landing } of ROLES) {
  test(`role × staff page matrix: ${role}`, async ({ page, browserErrors }) => {
    browserErrors.allow(/status of 404/);
    await signIn(page, email, DEMO_PASSWORD, landing);
    for (const path of PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} on ${path}`).toBe(staffRouteAllows(path, role) ? 200 : 404);
      if (role === "ADMIN") await expectNoSeriousA11yViolations(page, path);
    }
  });
}
