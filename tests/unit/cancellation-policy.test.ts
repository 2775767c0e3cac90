// The cancellation policy as a table: which refund each moment and reason gives.
import { describe, expect, it } from "vitest";
import {
  canRescheduleOnline,
  cancellationDeadline,
  decideCancellationRefund,
  type CancellationRefundInput,
} from "@/lib/booking/cancellation-policy";

const START = new Date("2026-11-23T14:00:00Z");
const hoursBefore = (hours: number) => new Date(START.getTime() - hours * 3_600_000);
const base: CancellationRefundInput = { startsAt: START, now: hoursBefore(48), cutoffHours: 24, refundableCents: 9500 };

describe("decideCancellationRefund", () => {
  it.each<[string, Partial<CancellationRefundInput>, { refundCents: number; rule: string }]>([
    ["two days ahead: full refund", {}, { refundCents: 9500, rule: "full_notice" }],
    ["exactly the cut-off ahead: still full", { now: hoursBefore(24) }, { refundCents: 9500, rule: "full_notice" }],
    [
      "one second inside the cut-off: nothing",
      { now: new Date(hoursBefore(24).getTime() + 1000) },
      { refundCents: 0, rule: "late_no_refund" },
    ],
    ["an hour before: nothing", { now: hoursBefore(1) }, { refundCents: 0, rule: "late_no_refund" }],
    [
      "an hour before, new calf symptoms: fee waived",
      { now: hoursBefore(1), newCalfSymptoms: true },
      { refundCents: 9500, rule: "calf_symptoms_waiver" },
    ],
    [
      "new calf symptoms two days ahead: full, as a waiver",
      { newCalfSymptoms: true },
      { refundCents: 9500, rule: "calf_symptoms_waiver" },
    ],
    ["part already refunded: only what is left", { refundableCents: 4000 }, { refundCents: 4000, rule: "full_notice" }],
    ["nothing paid (a hold): nothing to refund", { refundableCents: 0 }, { refundCents: 0, rule: "nothing_paid" }],
    [
      "no cut-off configured: full until the start",
      { cutoffHours: 0, now: hoursBefore(0.1) },
      { refundCents: 9500, rule: "full_notice" },
    ],
    [
      "staff override inside the cut-off",
      { now: hoursBefore(1), overrideCents: 5000 },
      { refundCents: 5000, rule: "staff_override" },
    ],
    ["staff override of nothing, early", { overrideCents: 0 }, { refundCents: 0, rule: "staff_override" }],
  ])("%s", (_label, change, expected) => {
    expect(decideCancellationRefund({ ...base, ...change })).toEqual(expected);
  });

  it.each([-1, 9501, 12.5])("refuses an override of %s cents", (overrideCents) => {
    expect(() => decideCancellationRefund({ ...base, overrideCents })).toThrow("A refund can be from $0.00 to $95.00.");
  });
});

describe("rescheduling online", () => {
  it.each([
    [48, true],
    [24, true],
    [23.99, false],
    [0, false],
  ])("%s hours before the start: allowed %s", (hours, allowed) => {
    expect(canRescheduleOnline(START, hoursBefore(hours), 24)).toBe(allowed);
  });

  it("states the deadline as the start minus the cut-off", () => {
    expect(cancellationDeadline(START, 24).toISOString()).toBe("2026-11-22T14:00:00.000Z");
  });
});
