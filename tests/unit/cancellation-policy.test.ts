// The cancellation policy as a table: which refund each moment, reason and service's terms give.
import { describe, expect, it } from "vitest";
import {
  canRescheduleOnline,
  cancellationDeadline,
  decideCancellationRefund,
  describeCancellationPolicy,
  lateRefundCents,
  type CancellationRefundInput,
} from "@/lib/booking/cancellation-policy";

const START = new Date("2026-11-23T14:00:00Z");
const hoursBefore = (hours: number) => new Date(START.getTime() - hours * 3_600_000);
const STRICT = { freeCancellationHours: 24, lateCancellationRefundPercent: 0 };
const base: CancellationRefundInput = { startsAt: START, now: hoursBefore(48), terms: STRICT, refundableCents: 9500 };

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
      "a service with no cut-off: full until the start",
      { terms: { freeCancellationHours: 0, lateCancellationRefundPercent: 0 }, now: hoursBefore(0.1) },
      { refundCents: 9500, rule: "full_notice" },
    ],
    [
      "a service with a 48-hour cut-off, 30 hours ahead: late",
      { terms: { freeCancellationHours: 48, lateCancellationRefundPercent: 0 }, now: hoursBefore(30) },
      { refundCents: 0, rule: "late_no_refund" },
    ],
    [
      "a 50% late refund, an hour before",
      { terms: { freeCancellationHours: 24, lateCancellationRefundPercent: 50 }, now: hoursBefore(1) },
      { refundCents: 4750, rule: "late_partial" },
    ],
    [
      "a 33% late refund is rounded down to the cent",
      {
        terms: { freeCancellationHours: 24, lateCancellationRefundPercent: 33 },
        now: hoursBefore(1),
        refundableCents: 9999,
      },
      { refundCents: 3299, rule: "late_partial" },
    ],
    [
      "a late share of what is left after an earlier refund",
      {
        terms: { freeCancellationHours: 24, lateCancellationRefundPercent: 50 },
        now: hoursBefore(1),
        refundableCents: 3001,
      },
      { refundCents: 1500, rule: "late_partial" },
    ],
    [
      "a late share that rounds to nothing is no refund",
      {
        terms: { freeCancellationHours: 24, lateCancellationRefundPercent: 10 },
        now: hoursBefore(1),
        refundableCents: 9,
      },
      { refundCents: 0, rule: "late_no_refund" },
    ],
    [
      "new calf symptoms beat a partial late refund",
      {
        terms: { freeCancellationHours: 24, lateCancellationRefundPercent: 50 },
        now: hoursBefore(1),
        newCalfSymptoms: true,
      },
      { refundCents: 9500, rule: "calf_symptoms_waiver" },
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

describe("lateRefundCents", () => {
  it.each([
    [9500, 0, 0],
    [9500, 100, 9500],
    [9500, 25, 2375],
    [101, 50, 50],
    [0, 50, 0],
  ])("%s cents at %s%% gives %s", (refundable, percent, expected) => {
    expect(lateRefundCents(refundable, percent)).toBe(expected);
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

  it("states the deadline as the start minus the service's cut-off", () => {
    expect(cancellationDeadline(START, 24).toISOString()).toBe("2026-11-22T14:00:00.000Z");
    expect(cancellationDeadline(START, 48).toISOString()).toBe("2026-11-21T14:00:00.000Z");
  });
});

describe("describeCancellationPolicy", () => {
  it.each([
    [
      STRICT,
      "Free cancellation up to 24 hours before your appointment: cancel by then and you get a full refund.",
      "If you cancel later than that, or miss the appointment, the payment is not refunded.",
    ],
    [
      { freeCancellationHours: 48, lateCancellationRefundPercent: 50 },
      "Free cancellation up to 2 days before your appointment: cancel by then and you get a full refund.",
      "If you cancel later than that, you get 50% of the payment back; a missed appointment is not refunded.",
    ],
    [
      { freeCancellationHours: 0, lateCancellationRefundPercent: 0 },
      "You can cancel for a full refund at any time before your appointment starts.",
      "A missed appointment is not refunded.",
    ],
  ])("%j", (terms, free, late) => {
    const words = describeCancellationPolicy(terms);
    expect(words.free).toBe(free);
    expect(words.late).toBe(late);
    expect(words.symptoms).toMatch(/always waives the fee/);
  });
});
