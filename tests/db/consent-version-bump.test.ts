// A new consent text is a new version, and every client is asked again: here the consent module is
// replaced by one whose current version is 2, for a client who signed version 1. A booking without
// consent, or signed on version 1 (the text they read before), gets 422 `consent`; signing version 2
// books, and both signatures stay listed, each with its own version.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBooking } from "@/lib/booking/create-booking";
import { ConsentRequired, listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { prisma } from "@/lib/db";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { uniqueEmail } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

vi.mock("@/lib/clinical/consent", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/clinical/consent")>();
  const first = original.CURRENT_CONSENT;
  const second = {
    ...first,
    version: 2,
    sections: [...first.sections, { heading: "Something new", body: "A paragraph added in version 2." }],
  };
  return {
    ...original,
    CURRENT_CONSENT: second,
    CONSENT_VERSIONS: new Map([
      [1, first],
      [2, second],
    ]),
    consentVersion: (version: number) => (version === 1 ? first : version === 2 ? second : undefined),
  };
});

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

describe(`a new consent version asks again (${ENGINE})`, () => {
  it("refuses a client who signed only version 1 until they sign version 2", async () => {
    const { service } = await createBookableService();
    const user = await prisma.user.create({ data: { email: uniqueEmail("bump"), name: "Returning Client" } });
    await prisma.consentSignature.create({
      data: { userId: user.id, version: 1, signedName: "Returning Client", signedAt: new Date("2026-11-01T15:00:00Z") },
    });
    const client = { id: user.id, email: user.email };
    const request = { client, serviceSlug: service.slug, start: clinicTimeAhead(5, 10), intake: CLEAR_INTAKE };

    const unsigned = await createBooking(request).catch((error: unknown) => error);
    expect(unsigned).toBeInstanceOf(ConsentRequired);
    expect((unsigned as ConsentRequired).fields).toHaveProperty("consent");

    const onOldText = await createBooking({
      ...request,
      consent: { version: 1, signedName: "Returning Client" },
    }).catch((error: unknown) => error);
    expect(onOldText).toBeInstanceOf(ConsentRequired);
    expect((onOldText as ConsentRequired).message).toMatch(/changed/);
    expect(await prisma.booking.count({ where: { clientId: user.id } })).toBe(0);

    const booked = await createBooking({ ...request, consent: { version: 2, signedName: "returning client" } });
    expect(booked.booking.status).toBe("PENDING_PAYMENT");
    const signatures = await listConsentSignatures(user.id);
    expect(signatures.map((signature) => signature.version)).toEqual([2, 1]);
    expect(signatures[0]?.sections.at(-1)?.heading).toBe("Something new");
    expect(signatures[1]?.sections.some((section) => section.heading === "Something new")).toBe(false);
  });
});
