// The questionnaire through the JSON API: GET /api/screening describes the current version, and
// POST /api/bookings stores answers with their version, refuses an older version with 422 (field
// `intake`) and bad answers with 400 and field errors, writing nothing in either case.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { CURRENT_QUESTIONNAIRE } from "@/lib/clinical/questionnaire";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";
import { sessionCookieFor } from "../support/session-cookie";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache: <F>(read: F) => read,
}));

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

async function postBooking(cookie: string, body: unknown) {
  const { POST } = await import("@/app/api/bookings/route");
  const request = new Request(new URL("/api/bookings", getEnv().APP_URL), {
    method: "POST",
    body: JSON.stringify(body),
    headers: { cookie, "content-type": "application/json" },
  });
  requestHeaders = new Headers(request.headers);
  const response = await POST(request);
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } },
  };
}

async function scenario() {
  const { service } = await createBookableService();
  const client = await createClient();
  const cookie = await sessionCookieFor(client);
  const body = (intake: unknown) => ({ service: service.slug, start: clinicTimeAhead(4, 11).toISOString(), intake });
  const nothingWritten = async () => {
    expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
  };
  return { service, client, cookie, body, nothingWritten };
}

describe(`the questionnaire through the API (${ENGINE})`, () => {
  it("GET /api/screening describes the current version, its outcomes, per-service rules, follow-ups and consent", async () => {
    const { GET } = await import("@/app/api/screening/route");
    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      version: number;
      questions: {
        id: string;
        text: string;
        outcomes: Record<string, string>;
        services?: unknown;
        followUps?: { id: string }[];
      }[];
      consent: { version: number; text: string };
    };
    expect(body.version).toBe(CURRENT_QUESTIONNAIRE.version);
    expect(body.questions.map((question) => question.id)).toEqual(CURRENT_QUESTIONNAIRE.questions.map((q) => q.id));
    expect(body.questions[0]).toMatchObject({
      id: "chestPainOrBreathlessness",
      outcomes: { yes: "emergency", no: "none" },
    });
    expect(body.questions.find((question) => question.id === "heartKidneyLiver")?.services).toEqual({
      "lymphatic-drainage-legs": { yes: "clearance" },
      "second-heart-massage-60": { yes: "clearance" },
    });
    expect(body.questions.find((question) => question.id === "clotHistory")?.followUps?.map((f) => f.id)).toEqual([
      "clotRecent",
    ]);
    expect(body.consent).toEqual({ version: CURRENT_CONSENT.version, text: CURRENT_CONSENT.text });
  });

  it("stores the answers with their version, and drops a follow-up answered after a no", async () => {
    const { client, cookie, body } = await scenario();
    const intake = {
      ...CLEAR_INTAKE,
      answers: { ...CLEAR_INTAKE.answers, recentLongTrip: true, clotRecent: true },
      notes: "Flew in from Oslo",
    };
    const created = await postBooking(cookie, body(intake));
    expect(created.status).toBe(201);
    const row = await prisma.booking.findFirstOrThrow({ where: { clientId: client.id }, select: { intake: true } });
    expect(row.intake).toEqual({
      version: CURRENT_QUESTIONNAIRE.version,
      answers: { ...CLEAR_INTAKE.answers, recentLongTrip: true },
      notes: "Flew in from Oslo",
    });
  });

  it("answers an older version with 422 'the questions have changed' on the intake field, writing nothing", async () => {
    const { cookie, body, nothingWritten } = await scenario();
    const v1 = {
      version: 1,
      answers: { chestPainOrBreathlessness: false, suddenPainOrSwelling: false, pregnant: false },
    };
    const refused = await postBooking(cookie, body(v1));
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toMatch(/The questions have changed, please answer them again/);
    expect(refused.body.error?.fields).toEqual({ intake: [expect.stringMatching(/questions have changed/)] });
    await nothingWritten();
  });

  it.each([
    ["an unknown question id", { bogusQuestion: false }, "intake.answers.bogusQuestion"],
    ["a missing answer", { coldPaleFoot: undefined }, "intake.answers.coldPaleFoot"],
    ["a follow-up missing after a yes", { varicoseVeins: true }, "intake.answers.veinHardPainful"],
    ["an answer of the wrong type", { cancer: "no" }, "intake.answers.cancer"],
  ])("refuses %s with 400 and a field error, writing nothing", async (_label, change, field) => {
    const { cookie, body, nothingWritten } = await scenario();
    const answers: Record<string, unknown> = { ...CLEAR_INTAKE.answers, ...change };
    const refused = await postBooking(cookie, body({ ...CLEAR_INTAKE, answers }));
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error?.fields ?? {})).toEqual([field]);
    await nothingWritten();
  });

  it("refuses a version that does not exist, or a shape that is not an intake, with 400", async () => {
    const { cookie, body, nothingWritten } = await scenario();
    for (const intake of [{ ...CLEAR_INTAKE, version: 99 }, { ...CLEAR_INTAKE.answers }, { version: 2 }]) {
      const refused = await postBooking(cookie, body(intake));
      expect(refused.status, JSON.stringify(intake)).toBe(400);
    }
    await nothingWritten();
  });
});
