// The booking API's answers to bad input, over HTTP against the production build: none of them
// writes anything, and nobody reads another client's booking.
import { expect, test } from "./fixtures";
import { newClient, signUp, CLEAR_INTAKE } from "./helpers";

const clearIntake = CLEAR_INTAKE;

test("the booking API refuses bad input with the documented status and writes nothing", async ({
  page,
  browserErrors,
}) => {
  browserErrors.allow(/status of 4\d\d/);
  const anonymous = await page.request.post("/api/bookings", { data: {} });
  expect(anonymous.status()).toBe(401);

  await signUp(page, newClient());
  const api = page.request;
  const post = (data: unknown, headers: Record<string, string> = {}) =>
    api.post("/api/bookings", {
      data: typeof data === "string" ? data : JSON.stringify(data),
      headers: { "content-type": "application/json", ...headers },
    });

  const malformed = await post("{ not json");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_request");

  const tooLarge = await post({ service: "x".repeat(17 * 1024) });
  expect(tooLarge.status()).toBe(413);

  const missingAnswers = await post({
    service: "calf-reset-30",
    start: "2030-01-07T15:00:00Z",
    intake: { version: clearIntake.version, answers: {} },
  });
  expect(missingAnswers.status()).toBe(400);
  const fields = (await missingAnswers.json()).error.fields as Record<string, string[]>;
  expect(Object.keys(fields)).toEqual(
    expect.arrayContaining(["intake.answers.suddenPainOrSwelling", "intake.answers.pregnantOrPostpartum"]),
  );

  const unknownService = await post({
    service: "no-such-treatment",
    start: "2030-01-07T15:00:00Z",
    intake: clearIntake,
  });
  expect(unknownService.status()).toBe(404);

  const past = await post({ service: "calf-reset-30", start: "2020-01-07T15:00:00Z", intake: clearIntake });
  expect(past.status()).toBe(422);
  expect((await past.json()).error.message).toMatch(/passed/);

  const redFlag = await post({
    service: "calf-reset-30",
    start: "2030-01-07T15:00:00Z",
    intake: { ...clearIntake, answers: { ...clearIntake.answers, chestPainOrBreathlessness: true } },
  });
  expect(redFlag.status()).toBe(422);
  expect((await redFlag.json()).error.message).toMatch(/911/);

  const mine = await api.get("/api/bookings");
  expect(mine.status()).toBe(200);
  expect((await mine.json()).bookings).toEqual([]);

  const crossSite = await post(
    { service: "calf-reset-30", start: "2030-01-07T15:00:00Z", intake: clearIntake },
    { origin: "https://evil.example" },
  );
  expect(crossSite.status()).toBe(403);

  const asForm = await api.post("/api/bookings", {
    data: JSON.stringify({ service: "calf-reset-30", start: "2030-01-07T15:00:00Z", intake: clearIntake }),
    headers: { "content-type": "text/plain" },
  });
  expect(asForm.status()).toBe(400);

  const someoneElses = await api.get("/api/bookings/not-a-booking-of-yours");
  expect(someoneElses.status()).toBe(404);
});
