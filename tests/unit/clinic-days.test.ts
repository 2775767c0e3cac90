// The fast day-by-day zone arithmetic must agree with Temporal's own answers everywhere, including
// zones whose clocks jump at midnight (Santiago), by half an hour (Lord Howe) or sit at odd offsets.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { createOffsetFormatter, listClinicDays, wallMinuteInstants, wallMinuteToInstant } from "@/lib/time/clinic-days";
import { clinicDayBounds, wallTimeToUtc } from "@/lib/time/clinic-time";

// Temporal's view of one wall time: all the instants that show it.
function temporalInstants(date: string, minute: number, timeZone: string): number[] {
  const wall = Temporal.PlainDate.from(date).toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" });
  if (!earlier.toPlainDateTime().equals(wall)) return []; // skipped by a gap
  return earlier.epochMilliseconds === later.epochMilliseconds
    ? [earlier.epochMilliseconds]
    : [earlier.epochMilliseconds, later.epochMilliseconds];
}

describe("clinic days", () => {
  it.each([
    ["America/New_York", "2026-03-06", "2026-03-10"],
    ["America/New_York", "2026-10-30", "2026-11-03"],
    ["Europe/London", "2026-03-28", "2026-03-30"],
    ["Europe/London", "2026-10-24", "2026-10-26"],
    ["Australia/Sydney", "2026-04-04", "2026-04-06"],
    ["Australia/Sydney", "2026-10-03", "2026-10-05"],
    ["Australia/Lord_Howe", "2026-04-04", "2026-04-06"],
    ["Australia/Lord_Howe", "2026-10-03", "2026-10-05"],
    ["America/Santiago", "2026-04-04", "2026-04-06"],
    ["America/Santiago", "2026-09-05", "2026-09-07"],
    ["America/Santiago", "2026-09-06", "2026-09-06"], // the range starts on a skipped midnight
    ["Asia/Kolkata", "2026-03-07", "2026-03-09"],
    ["Pacific/Chatham", "2026-04-04", "2026-04-06"],
    ["UTC", "2026-12-30", "2027-01-02"],
  ])("%s from %s to %s: every five minutes map to the instants Temporal gives", (timeZone, from, to) => {
    const days = listClinicDays(from, to, timeZone);
    expect(days.map((day) => day.date)[0]).toBe(from);
    for (const day of days) {
      const bounds = clinicDayBounds(day.date, timeZone);
      expect([day.startMs, day.endMs]).toEqual([bounds.start.getTime(), bounds.end.getTime()]);
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const expected = temporalInstants(day.date, minute, timeZone);
        expect(wallMinuteInstants(day, minute), `${day.date} minute ${minute}`).toEqual(expected);
        const [year, month, date] = day.date.split("-").map(Number) as [number, number, number];
        const wall = { year, month, day: date, hour: Math.floor(minute / 60), minute: minute % 60 };
        expect(wallMinuteToInstant(day, minute)).toBe(wallTimeToUtc(wall, timeZone).getTime());
      }
      expect(wallMinuteToInstant(day, 24 * 60)).toBe(day.endMs);
    }
  });

  it("lists consecutive days with weekdays, and none when the range is backwards", () => {
    const days = listClinicDays("2026-11-28", "2026-12-02", "America/New_York");
    expect(days.map((day) => [day.date, day.weekday])).toEqual([
      ["2026-11-28", 6],
      ["2026-11-29", 0],
      ["2026-11-30", 1],
      ["2026-12-01", 2],
      ["2026-12-02", 3],
    ]);
    days.slice(1).forEach((day, index) => expect(day.startMs).toBe(days[index]?.endMs));
    expect(listClinicDays("2026-12-02", "2026-12-01", "America/New_York")).toEqual([]);
    expect(() => listClinicDays("2026-02-30", "2026-03-01", "America/New_York")).toThrow(RangeError);
  });

  it.each(["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"])(
    "%s: formats instants with the offset in force, across both transitions of a year",
    (timeZone) => {
      const format = createOffsetFormatter(timeZone);
      // Every 197 minutes for a year, ascending (the formatter's fast path) and then a few backwards.
      const start = Date.UTC(2026, 0, 1);
      const instants: number[] = [];
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 197 * 60_000) instants.push(ms);
      instants.push(start + 200 * 86_400_000, start + 10 * 86_400_000);
      for (const ms of instants) {
        const expected = Temporal.Instant.fromEpochMilliseconds(ms).toString({ timeZone, smallestUnit: "second" });
        expect(format(ms)).toBe(expected);
      }
    },
  );

  it("writes New York winter and summer times with their own offsets", () => {
    const format = createOffsetFormatter("America/New_York");
    expect(format(new Date("2026-12-01T14:00:00Z"))).toBe("2026-12-01T09:00:00-05:00");
    expect(format(new Date("2026-07-01T13:00:00Z"))).toBe("2026-07-01T09:00:00-04:00");
  });
});
