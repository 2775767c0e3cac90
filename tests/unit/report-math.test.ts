// The report's pure figures: working minutes walked in the clinic's zone (a daylight-saving day is
// as long as the clocks make it), utilisation, the period a report covers, totals, and the CSV rule
// that keeps a cell from being run as a formula.
import { describe, expect, it } from "vitest";
import {
  currentMonth,
  emptyStatusCounts,
  formatPercent,
  neutraliseCsvCell,
  readReportPeriod,
  toReportRow,
  totalRow,
  utilisation,
  workingMinutes,
  type WeeklyWindow,
} from "@/lib/reports/report-math";

const NY = "America/New_York";
const everyDay = (startMinute: number, endMinute: number): WeeklyWindow[] =>
  [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute, endMinute }));
const none = { breaks: [], timeOff: [] };

describe("working minutes", () => {
  it.each([
    ["an ordinary day, around the clock", "2026-11-23", "2026-11-23", everyDay(0, 1440), 24 * 60],
    ["spring forward (23 hours)", "2026-03-08", "2026-03-08", everyDay(0, 1440), 23 * 60],
    ["fall back (25 hours)", "2026-11-01", "2026-11-01", everyDay(0, 1440), 25 * 60],
    // 01:00-03:00 on the fall-back day lasts three hours: 01:00-02:00 happens twice.
    ["fall back, across the repeated hour", "2026-11-01", "2026-11-01", everyDay(60, 180), 180],
    // 01:00-04:00 on the spring-forward day lasts two hours: 02:00-03:00 never happens.
    ["spring forward, across the missing hour", "2026-03-08", "2026-03-08", everyDay(60, 240), 120],
    ["a week of 9 to 5", "2026-11-23", "2026-11-29", everyDay(540, 1020), 7 * 480],
    [
      "weekdays only",
      "2026-11-23",
      "2026-11-29",
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 })),
      5 * 480,
    ],
  ])("%s", (_name, from, to, workingHours, expected) => {
    expect(workingMinutes({ workingHours, ...none }, { from, to }, NY)).toBe(expected);
  });

  it("takes away breaks and time off, counting an overlap of the two once", () => {
    const schedule = {
      workingHours: everyDay(540, 1020),
      breaks: everyDay(720, 780), // 12:00-13:00
      // Monday 23 Nov 11:00-13:30 New York: 2 h 30 of which 1 h is the break already.
      timeOff: [{ startsAt: new Date("2026-11-23T16:00:00Z"), endsAt: new Date("2026-11-23T18:30:00Z") }],
    };
    expect(workingMinutes(schedule, { from: "2026-11-23", to: "2026-11-24" }, NY)).toBe(2 * 420 - 90);
  });

  it("ignores time off outside the period and hours on days it does not cover", () => {
    const schedule = {
      workingHours: [{ weekday: 0, startMinute: 540, endMinute: 1020 }],
      breaks: [],
      timeOff: [{ startsAt: new Date("2026-12-01T00:00:00Z"), endsAt: new Date("2026-12-31T00:00:00Z") }],
    };
    expect(workingMinutes(schedule, { from: "2026-11-23", to: "2026-11-28" }, NY)).toBe(0);
  });
});

describe("utilisation", () => {
  it.each([
    [0, 480, 0, "0%"],
    [240, 480, 0.5, "50%"],
    [100, 300, 1 / 3, "33.3%"],
    [90, 0, null, "–"],
  ])("%i booked of %i working minutes is %s", (booked, working, ratio, shown) => {
    expect(utilisation(booked, working)).toBe(ratio);
    expect(formatPercent(utilisation(booked, working))).toBe(shown);
  });

  it("totals the clinic as all booked minutes over all working minutes, not an average of percentages", () => {
    const row = (bookedMinutes: number, workingMinutes: number, revenueCents: number, refundCents: number) =>
      toReportRow({
        therapistId: String(bookedMinutes),
        name: "T",
        bookings: { ...emptyStatusCounts(), COMPLETED: 2, NO_SHOW: 1 },
        bookedMinutes,
        workingMinutes,
        revenueCents,
        deskRevenueCents: 0,
        refundCents,
      });
    const total = totalRow([row(60, 600, 9500, 0), row(540, 600, 19000, 9500)]);
    expect(total).toMatchObject({
      totalBookings: 6,
      noShows: 2,
      revenueCents: 28500,
      refundCents: 9500,
      netCents: 19000,
      utilisation: 0.5,
    });
  });
});

describe("report period", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  it.each([
    ["nothing asked: this month", {}, { from: "2026-11-01", to: "2026-11-30" }],
    ["one day", { from: "2026-11-05", to: "2026-11-05" }, { from: "2026-11-05", to: "2026-11-05" }],
    ["a leap year", { from: "2028-01-01", to: "2028-12-31" }, { from: "2028-01-01", to: "2028-12-31" }],
  ])("%s", (_name, query, period) => {
    expect(readReportPeriod(query, NY, now)).toEqual({ ok: true, period });
  });

  it.each([
    ["to before from", { from: "2026-11-10", to: "2026-11-01" }, "to", /not be before/],
    ["not a date", { from: "2026-02-30", to: "2026-03-01" }, "from", /YYYY-MM-DD/],
    ["missing end", { from: "2026-11-01" }, "to", /last date/],
    ["over a year", { from: "2025-01-01", to: "2026-11-01" }, "to", /at most 366 days/],
  ])("refuses %s, falling back to this month", (_name, query, field, message) => {
    const result = readReportPeriod(query, NY, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field as "from" | "to"]?.[0]).toMatch(message);
    expect(result.period).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  });

  it("knows this month from the clinic's clock, not UTC's", () => {
    // 03:00 UTC on 1 December is still 30 November in New York.
    expect(currentMonth(NY, new Date("2026-12-01T03:00:00Z"))).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(currentMonth(NY, new Date("2028-02-10T12:00:00Z"))).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTabbed", "'\tTabbed"],
    ["\rReturn", "'\rReturn"],
    ["Ana Ruiz", "Ana Ruiz"],
    ["O'Brien = fine inside", "O'Brien = fine inside"],
    [42, "42"],
  ])("%j is written as %j", (cell, written) => {
    expect(neutraliseCsvCell(cell)).toBe(written);
  });
});
