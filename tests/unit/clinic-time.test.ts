import { describe, expect, it } from "vitest";
import {
  clinicDayBounds,
  clinicToday,
  clinicWeekday,
  formatClinicDateTime,
  parseIsoDate,
  toWallTime,
  wallTimeToUtc,
} from "@/lib/time/clinic-time";

const NY = "America/New_York";
const hours = (bounds: { start: Date; end: Date }) => (bounds.end.getTime() - bounds.start.getTime()) / 3_600_000;

describe("clinic time", () => {
  it.each([
    ["2026-11-23", 24, "2026-11-23T05:00:00.000Z"],
    ["2026-03-08", 23, "2026-03-08T05:00:00.000Z"], // spring forward
    ["2026-11-01", 25, "2026-11-01T04:00:00.000Z"], // fall back
    ["2026-07-04", 24, "2026-07-04T04:00:00.000Z"],
  ])("%s in New York is %i hours long and starts at %s", (day, length, start) => {
    const bounds = clinicDayBounds(day, NY);
    expect(hours(bounds)).toBe(length);
    expect(bounds.start.toISOString()).toBe(start);
  });

  it("maps wall times to instants on both sides of a DST change", () => {
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, NY).toISOString()).toBe(
      "2026-03-07T14:00:00.000Z",
    );
    expect(wallTimeToUtc({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, NY).toISOString()).toBe(
      "2026-03-09T13:00:00.000Z",
    );
  });

  it("resolves a time skipped by spring-forward to just after the gap, and an ambiguous time to its first occurrence", () => {
    const skipped = wallTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NY);
    expect(toWallTime(skipped, NY).hour).toBe(3);
    const ambiguous = wallTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, NY);
    expect(ambiguous.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("round-trips every quarter hour of a normal day", () => {
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const wall = { year: 2026, month: 6, day: 15, hour: Math.floor(minute / 60), minute: minute % 60 };
      expect(toWallTime(wallTimeToUtc(wall, NY), NY)).toEqual(wall);
    }
  });

  it("knows today's date and weekday in the zone, not in UTC", () => {
    // 03:30 UTC on the 23rd is still the evening of the 22nd in New York.
    expect(clinicToday(NY, new Date("2026-11-23T03:30:00Z"))).toBe("2026-11-22");
    expect(clinicWeekday("2026-11-22")).toBe(0);
  });

  it("shows the zone with every time", () => {
    expect(formatClinicDateTime(new Date("2026-11-23T14:00:00Z"), NY)).toBe("Mon, Nov 23, 2026, 9:00 AM EST");
    expect(formatClinicDateTime(new Date("2026-07-01T14:00:00Z"), NY)).toMatch(/10:00 AM EDT$/);
  });

  it("rejects dates that do not exist", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-3")).toBeNull();
    expect(() => clinicDayBounds("nonsense", NY)).toThrow(RangeError);
  });
});

describe("schedule dates", async () => {
  const { addDays, formatZoneName, isSchedulableDate } = await import("@/lib/time/clinic-time");

  it("steps across month, year and DST boundaries by calendar day", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
  });

  it.each([
    ["2026-11-23", true],
    ["9999-12-31", false],
    ["0001-01-01", false],
    ["2026-02-30", false],
    ["yesterday", false],
  ])("%s is schedulable: %s", (day, expected) => {
    expect(isSchedulableDate(day)).toBe(expected);
  });

  it("names the zone as people say it", () => {
    expect(formatZoneName("America/New_York")).toBe("Eastern Time");
  });
});
