// A screening stop in the browser leaves one audit entry, with no answers, and cannot flood the log.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { recordScreeningStop, SCREENING_STOP_LIMIT } from "@/lib/booking/record-screening-stop";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";

describe(`screening stops (${ENGINE})`, () => {
  it("records who was turned away, never what they answered", async () => {
    const user = await createUser();
    expect(
      await recordScreeningStop({ userId: user.id, clientIp: `203.0.113.${Math.floor(Math.random() * 200)}` }),
    ).toBe(true);
    const entries = await prisma.auditLog.findMany({ where: { entityId: user.id, action: "booking.intake_blocked" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: user.id, entityType: "User", data: null });
  });

  it("records an anonymous visitor's stop, and throttles one address", async () => {
    const clientIp = `stop-${randomUUID()}`;
    const before = await prisma.auditLog.count({ where: { entityType: "Screening", entityId: "anonymous" } });
    for (let index = 0; index < SCREENING_STOP_LIMIT.limit; index++) {
      expect(await recordScreeningStop({ userId: null, clientIp })).toBe(true);
    }
    expect(await recordScreeningStop({ userId: null, clientIp })).toBe(false);
    const after = await prisma.auditLog.count({ where: { entityType: "Screening", entityId: "anonymous" } });
    expect(after - before).toBe(SCREENING_STOP_LIMIT.limit);
  });
});
