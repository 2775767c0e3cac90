// A consent signed at the clinic (paper or the clinic tablet), recorded by staff: the current
// version only, the account's name, for a client the staff member may see (a therapist their own
// clients, an admin anyone), once, with an audit entry; a client who signed at the desk can then
// book online without being asked again. A withdrawal (recorded by staff) stops online booking
// until the client signs again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "@/lib/booking/create-booking";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import {
  CONSENT_SIGNED_ACTION,
  CONSENT_WITHDRAWN_ACTION,
  ConsentRequired,
  deskConsentSchema,
  findConsentSignature,
  listConsentSignatures,
  recordDeskConsent,
  withdrawConsent,
} from "@/lib/clinical/consent-signatures";
import { prisma } from "@/lib/db";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { caught, createStaffScenario } from "../support/staff-scenario";

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const input = (clientId: string, overrides: Record<string, string> = {}) =>
  deskConsentSchema.parse({
    clientId,
    version: String(CURRENT_CONSENT.version),
    method: "PAPER",
    signedName: "test person",
    ...overrides,
  });

describe(`consent recorded at the desk (${ENGINE})`, () => {
  it("records the current version signed on paper, once, with its recorder and an audit entry", async () => {
    const scenario = await createStaffScenario();
    const therapist = await scenario.viewers.therapist();
    expect(await recordDeskConsent(therapist, input(scenario.client.id))).toEqual({ written: true });
    expect(await recordDeskConsent(therapist, input(scenario.client.id))).toEqual({ written: false });

    const rows = await prisma.consentSignature.findMany({ where: { userId: scenario.client.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        version: CURRENT_CONSENT.version,
        method: "PAPER",
        signedName: "test person",
        recordedById: scenario.mine.userId,
      }),
    ]);
    expect(await findConsentSignature(scenario.client.id)).toMatchObject({ method: "PAPER" });
    const audits = await prisma.auditLog.findMany({
      where: { action: CONSENT_SIGNED_ACTION, entityId: scenario.client.id },
    });
    expect(audits).toEqual([
      expect.objectContaining({ actorId: scenario.mine.userId, data: { version: 1, method: "PAPER" } }),
    ]);
  });

  it("refuses another therapist's client, a version that is not the current one, and a name that is not the account's, writing nothing", async () => {
    const scenario = await createStaffScenario();
    const other = await scenario.viewers.otherTherapist();
    expect(await caught(recordDeskConsent(other, input(scenario.client.id)))).toBeInstanceOf(NotFound);

    const admin = await scenario.viewers.admin();
    const otherVersion = await caught(
      recordDeskConsent(admin, input(scenario.client.id, { version: String(CURRENT_CONSENT.version + 1) })),
    );
    expect(otherVersion).toBeInstanceOf(Unprocessable);
    expect((otherVersion as Unprocessable).fields).toHaveProperty("version");
    const wrongName = await caught(recordDeskConsent(admin, input(scenario.client.id, { signedName: "Other Person" })));
    expect((wrongName as Unprocessable).fields).toHaveProperty("signedName");
    expect(await prisma.consentSignature.count({ where: { userId: scenario.client.id } })).toBe(0);

    await recordDeskConsent(admin, input(scenario.client.id, { method: "TABLET" }));
    expect(await findConsentSignature(scenario.client.id)).toMatchObject({ method: "TABLET" });
  });

  it("refuses a method other than paper or tablet, and hidden characters in the name", () => {
    const parse = (overrides: Record<string, string>) =>
      deskConsentSchema.safeParse({ clientId: "c1", version: "1", method: "PAPER", signedName: "A B", ...overrides });
    expect(parse({ method: "ONLINE" }).success).toBe(false);
    expect(parse({ signedName: "A\u202eB" }).success).toBe(false);
    expect(parse({}).success).toBe(true);
  });
});

describe(`a withdrawn consent (${ENGINE})`, () => {
  it("stops online booking until the client signs again, online or at the desk; the audit log keeps each step", async () => {
    const scenario = await createStaffScenario();
    const therapist = await scenario.viewers.therapist();
    await recordDeskConsent(therapist, input(scenario.client.id));
    const other = await scenario.viewers.otherTherapist();
    expect(await caught(withdrawConsent(other, scenario.client.id))).toBeInstanceOf(NotFound);

    await withdrawConsent(therapist, scenario.client.id);
    expect(await caught(withdrawConsent(therapist, scenario.client.id))).toBeInstanceOf(InvalidTransition);
    expect(await findConsentSignature(scenario.client.id)).toBeNull();
    const [listed] = await listConsentSignatures(scenario.client.id);
    expect(listed).toMatchObject({ withdrawnByName: "Test Person", method: "PAPER" });
    expect(listed?.withdrawnAt).toBeInstanceOf(Date);

    const { service } = await createBookableService();
    const request = {
      client: { id: scenario.client.id, email: scenario.client.email },
      serviceSlug: service.slug,
      start: clinicTimeAhead(9, 10),
      intake: CLEAR_INTAKE,
    };
    expect(await caught(createBooking(request))).toBeInstanceOf(ConsentRequired);

    // Signing again with the booking puts the consent back in force.
    const booked = await createBooking({
      ...request,
      consent: { version: CURRENT_CONSENT.version, signedName: "Test Person" },
    });
    expect(booked.booking.status).toBe("PENDING_PAYMENT");
    expect(await findConsentSignature(scenario.client.id)).toMatchObject({ method: "ONLINE" });
    const [again] = await listConsentSignatures(scenario.client.id);
    expect(again?.withdrawnAt).toBeNull();

    const actions = await prisma.auditLog.findMany({
      where: { entityId: scenario.client.id, action: { in: [CONSENT_SIGNED_ACTION, CONSENT_WITHDRAWN_ACTION] } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      CONSENT_SIGNED_ACTION,
      CONSENT_WITHDRAWN_ACTION,
      CONSENT_SIGNED_ACTION,
    ]);
  });
});
