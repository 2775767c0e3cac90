// The hours form's rules, as a table: what an admin types for a week, and which input each
// message lands on (or the minutes that would be stored).
import { describe, expect, it } from "vitest";
import {
  formatClockTime,
  validateWeek,
  weekInputFromFields,
  weekInputOf,
  type RangeInput,
  type WeekInput,
} from "@/lib/hours/hours-ranges";
import { parseClinicDateTime } from "@/lib/hours/clinic-date-time-input";

const NY = "America/New_York";

/** A week with ranges on Monday only. */
function monday(hours: RangeInput[], breaks: RangeInput[] = []): WeekInput {
  const empty = () => Array.from({ length: 7 }, () => [] as RangeInput[]);
  const week = { hours: empty(), breaks: empty() };
  week.hours[1] = hours;
  week.breaks[1] = breaks;
  return week;
}
const range = (start: string, end: string, label?: string): RangeInput => ({ start, end, label });

describe("validateWeek", () => {
  it.each([
    ["one range", [range("09:00", "17:00")], [], [[1, 540, 1020]], []],
    [
      "two ranges that touch",
      [range("12:00", "17:00"), range("09:00", "12:00")],
      [],
      [
        [1, 540, 720],
        [1, 720, 1020],
      ],
      [],
    ],
    ["an end of 00:00 is midnight", [range("18:00", "00:00")], [], [[1, 1080, 1440]], []],
    [
      "a break inside hours",
      [range("09:00", "17:00")],
      [range("12:30", "13:15", " Lunch ")],
      [[1, 540, 1020]],
      [[1, 750, 795, "Lunch"]],
    ],
    [
      "a break across two touching ranges",
      [range("09:00", "12:00"), range("12:00", "17:00")],
      [range("11:45", "12:15")],
      [
        [1, 540, 720],
        [1, 720, 1020],
      ],
      [[1, 705, 735, null]],
    ],
    ["an empty spare row is ignored", [range("09:00", "17:00"), range("", "")], [range("", "")], [[1, 540, 1020]], []],
  ])("accepts %s", (_, hours, breaks, storedHours, storedBreaks) => {
    const result = validateWeek(monday(hours, breaks));
    expect(result).toEqual({
      ok: true,
      schedule: {
        workingHours: storedHours.map(([weekday, startMinute, endMinute]) => ({ weekday, startMinute, endMinute })),
        breaks: storedBreaks.map(([weekday, startMinute, endMinute, label]) => ({
          weekday,
          startMinute,
          endMinute,
          label,
        })),
      },
    });
  });

  it.each([
    ["an end before the start", [range("17:00", "09:00")], [], "hours.1.0.end", /ends before it starts/],
    ["an end equal to the start", [range("09:00", "09:00")], [], "hours.1.0.end", /ends before it starts/],
    ["a missing end", [range("09:00", "")], [], "hours.1.0.end", /Enter an end time/],
    ["a time that is not a time", [range("9am", "17:00")], [], "hours.1.0.start", /Enter a start time/],
    [
      "overlapping hours",
      [range("09:00", "13:00"), range("12:00", "17:00")],
      [],
      "hours.1.1.start",
      /overlaps 9:00 AM–1:00 PM/,
    ],
    [
      "overlapping hours typed in reverse order",
      [range("12:00", "17:00"), range("09:00", "13:00")],
      [],
      "hours.1.0.start",
      /overlaps 9:00 AM–1:00 PM/,
    ],
    [
      "a break outside hours",
      [range("09:00", "17:00")],
      [range("17:00", "17:30")],
      "breaks.1.0.start",
      /outside Monday's working hours/,
    ],
    [
      "a break running past closing",
      [range("09:00", "17:00")],
      [range("16:45", "17:15")],
      "breaks.1.0.start",
      /outside Monday's working hours/,
    ],
    [
      "a break in a gap between ranges",
      [range("09:00", "12:00"), range("13:00", "17:00")],
      [range("12:15", "12:45")],
      "breaks.1.0.start",
      /outside/,
    ],
    ["a break on a day off", [], [range("12:00", "12:30")], "breaks.1.0.start", /needs working hours that day/],
    [
      "overlapping breaks",
      [range("09:00", "17:00")],
      [range("12:00", "13:00"), range("12:30", "12:45")],
      "breaks.1.1.start",
      /overlaps/,
    ],
    [
      "a label without times",
      [range("09:00", "17:00")],
      [range("", "", "Lunch")],
      "breaks.1.0.start",
      /Enter the times/,
    ],
  ])("refuses %s, on the right input", (_, hours, breaks, field, message) => {
    const result = validateWeek(monday(hours, breaks));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual([field]);
    expect(result.fieldErrors[field]?.join(" ")).toMatch(message);
  });
});

describe("the form's fields", () => {
  it("reads numbered field names into a week, and a stored week back into the same typed values", () => {
    const week = weekInputFromFields([
      ["hours.2.1.start", "13:00"],
      ["hours.2.1.end", "17:00"],
      ["hours.2.0.start", "09:00"],
      ["hours.2.0.end", "12:00"],
      ["breaks.2.0.start", "10:00"],
      ["breaks.2.0.end", "10:15"],
      ["breaks.2.0.label", "Tea"],
      ["bogus.9.0.start", "01:00"],
      ["therapistId", "t1"],
    ]);
    expect(week.hours[2]).toEqual([range("09:00", "12:00"), range("13:00", "17:00")]);
    expect(week.breaks[2]).toEqual([{ start: "10:00", end: "10:15", label: "Tea" }]);
    const result = validateWeek(week);
    expect(result.ok).toBe(true);
    if (result.ok) expect(weekInputOf(result.schedule)).toEqual(week);
  });

  it.each([
    [0, "00:00"],
    [570, "09:30"],
    [1440, "00:00"],
  ])("shows minute %i as %s", (minute, text) => {
    expect(formatClockTime(minute)).toBe(text);
  });
});

describe("parseClinicDateTime", () => {
  it.each([
    ["2026-12-01T09:00", "2026-12-01T14:00:00.000Z"], // EST, UTC-5
    ["2026-07-01T09:00", "2026-07-01T13:00:00.000Z"], // EDT, UTC-4
    ["2026-03-08T02:30", "2026-03-08T07:30:00.000Z"], // skipped by spring-forward: 03:30 EDT
    ["2026-11-01T01:30", "2026-11-01T05:30:00.000Z"], // repeated by fall-back: the first (EDT)
  ])("reads %s in New York as %s", (typed, instant) => {
    expect(parseClinicDateTime(typed, NY)?.toISOString()).toBe(instant);
  });

  it.each(["", "2026-02-30T09:00", "2026-12-01 09:00", "2026-12-01T24:00"])("refuses %j", (typed) => {
    expect(parseClinicDateTime(typed, NY)).toBeNull();
  });
});
