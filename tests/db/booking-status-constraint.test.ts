// The exclusion constraint and the application must agree on which statuses hold a therapist's
// time: a status added to one and not the other would let two visits overlap or block a free slot.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ACTIVE_STATUSES } from "@/lib/booking/status";
import { ENGINE } from "../support/db-setup";

describe(`exclusion constraint and ACTIVE_STATUSES (${ENGINE})`, () => {
  it("lists exactly the active statuses in the constraint's WHERE clause", async () => {
    const rows = await prisma.$queryRaw<{ definition: string }[]>`
      SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conname = 'Booking_no_overlapping_active'`;
    expect(rows).toHaveLength(1);
    const definition = rows[0]?.definition ?? "";
    const where = definition.slice(definition.indexOf("WHERE"));
    expect(where).not.toBe("");
    const listed = [...where.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...ACTIVE_STATUSES].sort());
  });
});
