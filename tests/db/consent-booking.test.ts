// Signed, versioned consent on the booking path (issue #17 point 4), through POST /api/bookings on a
// real database and the Stripe emulator: no consent → 422 `consent`; an old version → 422
// `consent`; a name that is not the account's → 422 `signedName`; the right name in the same
// request → the hold and the signature in one transaction; a refused booking writes neither.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { CONSENT_SIGNED_ACTION, listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, uniqueLabel } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { uniqueEmail } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { sessionCookieFor } from "../support/session-cookie";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  requestHeaders = new Headers();
});

let day = 30;
async function scenario(name = "Zoë  Martínez-O'Brien") {
  const { service } = await createBookableService();
  const user = await prisma.user.create({ data: { email: uniqueEmail("consent"), name } });
  requestHeaders = new Headers({ cookie: await sessionCookieFor(user) });
  return { service, user, start: clinicTimeAhead(day++, 10) };
}

interface ApiAnswer {
  booking?: { status: string };
  error?: { code: string; message: string; fields?: Record<string, string[]> };
}

async function post(body: Record<string, unknown>) {
  const { POST } = await import("@/app/api/bookings/route");
  const response = await POST(
    new Request(`${getEnv().APP_URL}/api/bookings`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { ...Object.fromEntries(requestHeaders), "content-type": "application/json", origin: getEnv().APP_URL },
    }),
  );
  return { status: response.status, body: (await response.json()) as ApiAnswer };
}

async function written(userId: string) {
  const [bookings, signatures, audits] = await Promise.all([
    prisma.booking.count({ where: { clientId: userId } }),
    prisma.consentSignature.count({ where: { userId } }),
    prisma.auditLog.count({ where: { entityId: userId, action: CONSENT_SIGNED_ACTION } }),
  ]);
  return { bookings, signatures, audits };
}

describe(`consent on POST /api/bookings (${ENGINE})`, () => {
  it("refuses a booking without the current consent with 422 on the field consent, writing nothing", async () => {
    const { service, user, start } = await scenario();
    const refused = await post({ service: service.slug, start: start.toISOString(), intake: CLEAR_INTAKE });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields).toHaveProperty("consent");
    expect(await written(user.id)).toEqual({ bookings: 0, signatures: 0, audits: 0 });
  });

  it("refuses a version that is not the current one with 422 on consent, and a name that is not the account's with 422 on signedName", async () => {
    const { service, user, start } = await scenario();
    // (An older version after a real change: tests/db/consent-version-bump.test.ts.)
    const unknown = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version + 1, signedName: user.name },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.fields).toHaveProperty("consent");

    const wrongName = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version, signedName: "Zoe Martinez" },
    });
    expect(wrongName.status).toBe(422);
    expect(wrongName.body.error?.fields).toHaveProperty("signedName");
    expect(await written(user.id)).toEqual({ bookings: 0, signatures: 0, audits: 0 });
  });

  it("answers an empty or missing name with 400 field errors", async () => {
    const { service, start } = await scenario();
    const empty = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version, signedName: "   " },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.fields).toHaveProperty(["consent.signedName"]);
  });

  it("books and signs in one request: the name matches case-, space- and Unicode-insensitively", async () => {
    const { service, user, start } = await scenario();
    // Decomposed accents, other capitals and extra spaces sign for "Zoë  Martínez-O'Brien".
    const typed = "  zoe\u0308 MARTI\u0301NEZ-o'brien ";
    const booked = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version, signedName: typed },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.booking?.status).toBe("PENDING_PAYMENT");
    expect(await written(user.id)).toEqual({ bookings: 1, signatures: 1, audits: 1 });
    const [signature] = await listConsentSignatures(user.id);
    expect(signature).toMatchObject({
      version: CURRENT_CONSENT.version,
      signedName: typed.trim(),
      method: "ONLINE",
      title: CURRENT_CONSENT.title,
    });

    // Signed once: the next booking needs no consent in the request.
    const again = await post({
      service: service.slug,
      start: clinicTimeAhead(day++, 11).toISOString(),
      intake: CLEAR_INTAKE,
    });
    expect(again.status).toBe(201);
    expect(await written(user.id)).toMatchObject({ signatures: 1 });
  });

  it("writes no signature when the booking itself fails in its transaction (the time is taken)", async () => {
    const { service, start } = await scenario();
    // Someone else (already signed) takes the only therapist's time first.
    const other = await prisma.user.create({ data: { email: uniqueEmail("first"), name: "First Person" } });
    await prisma.consentSignature.create({
      data: { userId: other.id, version: CURRENT_CONSENT.version, signedName: "First Person" },
    });
    const { createBooking } = await import("@/lib/booking/create-booking");
    await createBooking({
      client: { id: other.id, email: other.email },
      serviceSlug: service.slug,
      start,
      intake: CLEAR_INTAKE,
    });

    const late = await prisma.user.create({ data: { email: uniqueEmail("late"), name: `Late ${uniqueLabel()}` } });
    requestHeaders = new Headers({ cookie: await sessionCookieFor(late) });
    const taken = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version, signedName: late.name },
    });
    expect(taken.status).toBe(409);
    expect(await written(late.id)).toEqual({ bookings: 0, signatures: 0, audits: 0 });
  });

  it("an account without a name cannot sign online (422 signedName) and is told to add it", async () => {
    const { service, user, start } = await scenario("");
    await prisma.user.update({ where: { id: user.id }, data: { name: null } });
    const refused = await post({
      service: service.slug,
      start: start.toISOString(),
      intake: CLEAR_INTAKE,
      consent: { version: CURRENT_CONSENT.version, signedName: "Anyone" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields?.signedName?.[0]).toMatch(/profile/);
  });
});
