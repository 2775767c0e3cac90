// Generated from lib/account/client-routes.ts: one client books and pays; the owner can open every
// page and read every API route that takes the booking's id (so the ids are right), and ANOTHER
// signed-in client gets a 404 from each of them, pages and API alike, with nothing of the booking
// in the answer. Server Actions are checked the same way in tests/db/client-access.test.ts.
import { foreignIdRequests } from "../lib/account/client-routes";
import { expect, test } from "./fixtures";
import { newClient, ownNetwork, signUp } from "./helpers";
import { bookAndPay, freeSlots, PAID_SERVICE_NAME } from "./paid-booking";

test.describe("client routes with another client's id", () => {
  test("another client gets 404 from every page and API route that takes an id", async ({
    page,
    browser,
    browserErrors,
  }) => {
    browserErrors.allow(/status of 404/);
    await page.context().setExtraHTTPHeaders(ownNetwork());
    const owner = newClient();
    await signUp(page, owner);
    const [slot] = await freeSlots(page.request, 4);
    if (!slot) throw new Error("the demo seed should offer a free time");
    const ids = await bookAndPay(page, slot, owner.email);
    const requests = foreignIdRequests(ids);
    expect(requests.length).toBeGreaterThanOrEqual(9);

    // The owner reaches each GET (a POST would change the booking): the ids are the right ones.
    for (const request of requests.filter(({ method }) => method === "GET")) {
      // "commit": the status is what is checked, and a page may move on at once (the checkout-cancelled
      // page of a booking that is already paid sends its owner to the confirmation), aborting "load".
      const response =
        request.kind === "page"
          ? await page.goto(request.url, { waitUntil: "commit" })
          : await page.request.get(request.url);
      expect(response?.status(), `owner: ${request.key}`).toBe(200);
    }

    const other = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const stranger = await other.newPage();
    await signUp(stranger, newClient());
    for (const request of requests) {
      if (request.kind === "page") {
        const response = await stranger.goto(request.url);
        // A streamed page has sent its 200 before it decides: it shows the not-found page instead.
        expect(response?.status(), `stranger: ${request.key}`).toBe(request.streamed ? 200 : 404);
        await expect(stranger.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
        // The id is in the URL (and so in the page's route data); nothing of the booking is shown.
        const shown = await stranger.locator("body").innerText();
        expect(shown, request.key).not.toContain(PAID_SERVICE_NAME);
        expect(shown, request.key).not.toContain(slot.therapistName);
      } else {
        const response = await stranger.request.fetch(request.url, {
          method: request.method,
          headers: { "content-type": "application/json" },
          data: request.method === "GET" ? undefined : JSON.stringify({ start: slot.start }),
        });
        expect(response.status(), `stranger: ${request.key}`).toBe(404);
        expect(await response.text(), request.key).not.toContain(ids.bookingId);
      }
    }
    await other.close();

    // Nothing the stranger did touched it.
    const mine = await page.request.get(`/api/bookings/${ids.bookingId}`);
    expect((await mine.json()).booking).toMatchObject({
      status: "CONFIRMED",
      startsAt: new Date(slot.start).toISOString(),
    });
  });
});
