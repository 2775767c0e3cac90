import { describe, expect, it } from "vitest";
import {
  ACTIVE_STATUSES,
  canTransition,
  FINAL_STATUSES,
  isActiveStatus,
  statusesLeadingTo,
  TRANSITIONS,
} from "@/lib/booking/status";
import { BookingStatus } from "@/lib/generated/prisma/enums";

const ALL = Object.values(BookingStatus);

describe("booking status machine", () => {
  it("covers every status the database knows", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL].sort());
    expect([...ACTIVE_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...ALL].sort());
  });

  it.each([
    ["PENDING_PAYMENT", "CONFIRMED", true],
    ["PENDING_PAYMENT", "EXPIRED", true],
    ["CONFIRMED", "CHECKED_IN", true],
    ["CHECKED_IN", "COMPLETED", true],
    ["CONFIRMED", "NO_SHOW", true],
    ["CONFIRMED", "COMPLETED", false],
    ["EXPIRED", "CONFIRMED", false],
    ["CANCELLED", "CONFIRMED", false],
    ["COMPLETED", "CANCELLED", false],
    ["CHECKED_IN", "CANCELLED", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it("lets nothing leave a final status", () => {
    for (const status of FINAL_STATUSES) expect(TRANSITIONS[status]).toEqual([]);
  });

  it("knows which statuses hold the therapist's time", () => {
    expect(ALL.filter(isActiveStatus).sort()).toEqual(["CHECKED_IN", "CONFIRMED", "PENDING_PAYMENT"]);
  });

  it("names the guard of a transition", () => {
    expect(statusesLeadingTo("CANCELLED").sort()).toEqual(["CONFIRMED", "PENDING_PAYMENT"]);
    expect(statusesLeadingTo("CONFIRMED")).toEqual(["PENDING_PAYMENT"]);
  });
});
