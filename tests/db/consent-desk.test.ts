// A consent signed at the clinic (paper or the clinic tablet), recorded by staff: the current
// version only, the account's name, for a client the staff member may see (a therapist their own
// clients, an admin anyone), once, with an audit entry; a client who signed at the desk can then
// book online without being asked again.
import { describe, expect, it } from "vitest";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import {
  CONSENT_SIGNED_ACTION,
  deskConsentSchema,
  findConsentSignature,
  recordDeskConsent,
} from "@/lib/clinical/consent-signatures";
import { prisma } from "@/lib/db";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { ENGINE } from "../support/db-setup";
import { caught, createStaffScenario } from "../support/staff-scenario";

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
