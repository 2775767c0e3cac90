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
const LONDON = "Europe/London";
const SYDNEY = "Australia/Sydney";
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

  // Both transitions in three zones, the southern hemisphere's running the other way round
  // (Sydney's clocks go forward in October and back in April).
  it.each([
    [NY, "2026-03-08", 23, "2026-03-08T05:00:00.000Z"],
    [NY, "2026-11-01", 25, "2026-11-01T04:00:00.000Z"],
    [LONDON, "2026-03-29", 23, "2026-03-29T00:00:00.000Z"],
    [LONDON, "2026-10-25", 25, "2026-10-24T23:00:00.000Z"],
    [LONDON, "2026-06-15", 24, "2026-06-14T23:00:00.000Z"],
    [SYDNEY, "2026-10-04", 23, "2026-10-03T14:00:00.000Z"],
    [SYDNEY, "2026-04-05", 25, "2026-04-04T13:00:00.000Z"],
    [SYDNEY, "2026-07-01", 24, "2026-06-30T14:00:00.000Z"],
  ])("%s: %s is %i hours long and starts at %s", (zone, day, length, start) => {
    const bounds = clinicDayBounds(day, zone);
    expect(hours(bounds)).toBe(length);
    expect(bounds.start.toISOString()).toBe(start);
  });

  it.each([
    // A skipped wall time moves forward by the gap; an ambiguous one takes its first occurrence.
    [NY, "skipped", { year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "2026-03-08T07:30:00.000Z", 3],
    [NY, "repeated", { year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "2026-11-01T05:30:00.000Z", 1],
    [LONDON, "skipped", { year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, "2026-03-29T01:30:00.000Z", 2],
    [LONDON, "repeated", { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, "2026-10-25T00:30:00.000Z", 1],
    [SYDNEY, "skipped", { year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, "2026-10-03T16:30:00.000Z", 3],
    [SYDNEY, "repeated", { year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, "2026-04-04T15:30:00.000Z", 2],
  ])("%s: a %s wall time maps to %s", (zone, _kind, wall, instant, shownHour) => {
    const utc = wallTimeToUtc(wall, zone);
    expect(utc.toISOString()).toBe(instant);
    expect(toWallTime(utc, zone)).toEqual({ ...wall, hour: shownHour });
  });

  it.each([
    [NY, "2026-03-08", ["02:00", "02:15", "02:30", "02:45"]],
    [NY, "2026-11-01", []],
    [LONDON, "2026-03-29", ["01:00", "01:15", "01:30", "01:45"]],
    [LONDON, "2026-10-25", []],
    [SYDNEY, "2026-10-04", ["02:00", "02:15", "02:30", "02:45"]],
    [SYDNEY, "2026-04-05", []],
  ])("%s: on %s only the skipped quarter hours %j fail to round-trip", (zone, day, skipped) => {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const { start, end } = clinicDayBounds(day, zone);
    const missing: string[] = [];
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const wall = { year, month, day: date, hour: Math.floor(minute / 60), minute: minute % 60 };
      const utc = wallTimeToUtc(wall, zone);
      expect(utc.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(utc.getTime()).toBeLessThan(end.getTime());
      if (JSON.stringify(toWallTime(utc, zone)) !== JSON.stringify(wall)) {
        missing.push(`${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`);
      }
    }
    expect(missing).toEqual(skipped);
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

// The fast paths (UTC-day arithmetic, one Temporal lookup per offset run) held to Temporal's own
// answers, in an order that would poison a careless cache: an instant that is itself a transition
// first, then instants before it.
describe("fast paths agree with Temporal", async () => {
  const { Temporal } = await import("temporal-polyfill");
  const { addDays, zoneOffsetMs } = await import("@/lib/time/clinic-time");
  const CHICAGO = "America/Chicago"; // asked nowhere else in this file, so its cache starts empty
  const HOUR_MS = 3_600_000;

  it("knows an offset run starts at a transition instant, not before it", () => {
    const springForward = Date.parse("2026-03-08T08:00:00Z");
    expect(zoneOffsetMs(springForward, CHICAGO)).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs(springForward - 1, CHICAGO)).toBe(-6 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00Z"), CHICAGO)).toBe(-6 * HOUR_MS);
    expect(toWallTime(new Date("2026-01-15T12:00:00Z"), CHICAGO)).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 6,
      minute: 0,
    });
  });

  it.each([NY, LONDON, SYDNEY, "Asia/Kolkata", "Pacific/Chatham", "UTC"])(
    "gives Temporal's wall time and date in %s every 97 minutes over two years",
    (zone) => {
      const start = Date.parse("2026-01-01T00:00:00Z");
      for (let ms = start; ms < start + 730 * 24 * HOUR_MS; ms += 97 * 60_000) {
        const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
        const wall = toWallTime(new Date(ms), zone);
        expect([wall.year, wall.month, wall.day, wall.hour, wall.minute]).toEqual([
          zoned.year,
          zoned.month,
          zoned.day,
          zoned.hour,
          zoned.minute,
        ]);
        expect(clinicToday(zone, new Date(ms))).toBe(zoned.toPlainDate().toString());
      }
    },
  );

  it("steps calendar days and weekdays as Temporal does, leap days and early years included", () => {
    for (const from of ["2024-02-28", "2100-02-28", "2000-02-28", "0050-12-31", "2026-11-01"]) {
      for (const days of [-400, -1, 0, 1, 2, 365, 1000]) {
        expect(addDays(from, days)).toBe(Temporal.PlainDate.from(from).add({ days }).toString());
      }
      expect(clinicWeekday(from)).toBe(Temporal.PlainDate.from(from).dayOfWeek % 7);
    }
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2100-02-29")).toBeNull();
    expect(parseIsoDate("2026-13-01")).toBeNull();
  });

  it("hands out fresh day bounds each time", () => {
    const first = clinicDayBounds("2026-11-23", NY);
    first.start.setTime(0);
    expect(clinicDayBounds("2026-11-23", NY).start.toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });
});
