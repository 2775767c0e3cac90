// Doctors' clearances (issue #17 point 5, staff side) on a real database: staff record one with its
// audit entry, list it, revoke it once; a therapist only for their own clients (the client page's
// scope), an admin for anyone; activeClearanceQuestionIds leaves out lapsed and revoked ones.
import { describe, expect, it } from "vitest";
import {
  activeClearanceQuestionIds,
  CLEARANCE_RECORDED_ACTION,
  CLEARANCE_REVOKED_ACTION,
  listClearances,
  recordClearance,
  revokeClearance,
} from "@/lib/clinical/clearance";
import { addMonths, clearanceInputSchema } from "@/lib/clinical/clearance-schema";
import { prisma } from "@/lib/db";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import { addDays, clinicDayBounds, clinicToday } from "@/lib/time/clinic-time";
import { ENGINE } from "../support/db-setup";
import { caught, createStaffScenario } from "../support/staff-scenario";
import { getClinic } from "@/lib/clinic/get-clinic";

const today = () => clinicToday(getClinic().timeZone);

function input(clientId: string, overrides: Record<string, string> = {}) {
  return clearanceInputSchema(today()).parse({
    clientId,
    questionId: "recentSurgeryOrImmobility",
    clearedBy: "Dr. Ana Ruiz, Maimonides Medical Center",
    clearedOn: today(),
    validUntil: "",
    note: "Cleared after knee arthroscopy; light pressure on the left leg.",
    ...overrides,
  });
}

describe(`doctor's clearances (${ENGINE})`, () => {
  it("records a clearance valid 6 months by default, with an audit entry, and lists it as active", async () => {
    const scenario = await createStaffScenario();
    const therapist = await scenario.viewers.therapist();
    const { id } = await recordClearance(therapist, input(scenario.client.id));

    const [listed] = await listClearances(therapist, scenario.client.id);
    expect(listed).toMatchObject({
      id,
      questionId: "recentSurgeryOrImmobility",
      clearedBy: "Dr. Ana Ruiz, Maimonides Medical Center",
      status: "active",
      recordedByName: "Test Person",
    });
    const tz = getClinic().timeZone;
    expect(listed?.validUntil).toEqual(clinicDayBounds(addMonths(today(), 6), tz).end);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: CLEARANCE_RECORDED_ACTION, entityId: scenario.client.id },
    });
    expect(audit.actorId).toBe(scenario.mine.userId);
    // The condition and the note are health data: never in the audit log.
    expect(audit.data).toEqual({ clearanceId: id, validUntil: addMonths(today(), 6) });
    expect(await activeClearanceQuestionIds(prisma, scenario.client.id, new Date())).toEqual(
      new Set(["recentSurgeryOrImmobility"]),
    );
  });

  it("refuses a go-ahead dated in the future, one longer than 12 months, an unknown question and an empty doctor", () => {
    const parse = (overrides: Record<string, string>) =>
      clearanceInputSchema(today()).safeParse({
        clientId: "c1",
        questionId: "cancer",
        clearedBy: "Dr. Lee",
        clearedOn: today(),
        ...overrides,
      });
    const fieldsOf = (overrides: Record<string, string>) => {
      const result = parse(overrides);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(fieldsOf({ clearedOn: addDays(today(), 1) })).toEqual(["clearedOn"]);
    expect(fieldsOf({ validUntil: addDays(addMonths(today(), 12), 1) })).toEqual(["validUntil"]);
    expect(fieldsOf({ questionId: "feverOrUnwell" })).toEqual(["questionId"]);
    expect(fieldsOf({ clearedBy: " " })).toEqual(["clearedBy"]);
    expect(parse({ validUntil: addMonths(today(), 12) }).success).toBe(true);
    // A go-ahead from last year that has already run out cannot be recorded as current.
    expect(fieldsOf({ clearedOn: addMonths(today(), -8), validUntil: "" })).toEqual(["validUntil"]);
  });

  it("lets a therapist act only for their own clients, and an admin for anyone", async () => {
    const scenario = await createStaffScenario();
    const other = await scenario.viewers.otherTherapist();
    expect(await caught(recordClearance(other, input(scenario.client.id)))).toBeInstanceOf(NotFound);
    expect(await caught(listClearances(other, scenario.client.id))).toBeInstanceOf(NotFound);

    const admin = await scenario.viewers.admin();
    const { id } = await recordClearance(admin, input(scenario.client.id, { questionId: "cancer" }));
    expect(await caught(revokeClearance(other, id))).toBeInstanceOf(NotFound);
    expect(await prisma.doctorClearance.count({ where: { clientId: scenario.client.id, revokedAt: null } })).toBe(1);
    // The other therapist's own client: theirs to clear.
    await recordClearance(other, input(scenario.otherClient.id));
    expect(await listClearances(other, scenario.otherClient.id)).toHaveLength(1);
  });

  it("revokes once, with an audit entry; a revoked or lapsed clearance no longer counts", async () => {
    const scenario = await createStaffScenario();
    const therapist = await scenario.viewers.therapist();
    const { id } = await recordClearance(therapist, input(scenario.client.id, { questionId: "walkingPain" }));
    await recordClearance(
      therapist,
      input(scenario.client.id, { questionId: "heartKidneyLiver", validUntil: addDays(today(), 1) }),
    );
    const now = new Date();
    expect(await activeClearanceQuestionIds(prisma, scenario.client.id, now)).toEqual(
      new Set(["walkingPain", "heartKidneyLiver"]),
    );

    await revokeClearance(therapist, id);
    expect(await caught(revokeClearance(therapist, id))).toBeInstanceOf(InvalidTransition);
    expect(
      await prisma.auditLog.count({ where: { action: CLEARANCE_REVOKED_ACTION, entityId: scenario.client.id } }),
    ).toBe(1);
    expect(await activeClearanceQuestionIds(prisma, scenario.client.id, now)).toEqual(new Set(["heartKidneyLiver"]));

    // Three days on, the one valid until tomorrow has lapsed.
    const later = new Date(now.getTime() + 3 * 86_400_000);
    expect(await activeClearanceQuestionIds(prisma, scenario.client.id, later)).toEqual(new Set());
    const statuses = (await listClearances(therapist, scenario.client.id, later)).map((row) => [
      row.questionId,
      row.status,
    ]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ["walkingPain", "revoked"],
        ["heartKidneyLiver", "lapsed"],
      ]),
    );
  });
});
