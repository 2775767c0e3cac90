// The times a client is offered: each case is a day at the clinic and the start times it allows.
import { describe, expect, it } from "vitest";
import { rotationRank } from "@/lib/availability/assign-therapist";
import {
  computeSlots,
  type BookedTime,
  type ComputeSlotsInput,
  type Slot,
  type TherapistSchedule,
  type WeeklyWindow,
} from "@/lib/availability/compute-slots";
import { createOffsetFormatter } from "@/lib/time/clinic-days";
import { clinicWeekday, toWallTime, wallTimeToUtc } from "@/lib/time/clinic-time";

const NY = "America/New_York";
const DAY = "2026-12-01"; // a Tuesday in winter: New York is at -05:00
const TUESDAY = 2;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hours = (start: string, end: string, weekday = TUESDAY): WeeklyWindow => ({
  weekday,
  startMinute: minutes(start),
  endMinute: end === "24:00" ? 1440 : minutes(end),
});

/** A local wall time on a date in New York, as an instant. */
function local(date: string, hhmm: string, timeZone = NY): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return wallTimeToUtc(
    { year, month, day, hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) },
    timeZone,
  );
}

function therapist(overrides: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return {
    id: "t-ana",
    name: "Ana",
    workingHours: [hours("09:00", "17:00")],
    breaks: [],
    timeOff: [],
    ...overrides,
  };
}

function booking(
  startHhmm: string,
  overrides: Partial<BookedTime> & { date?: string; minutes?: number } = {},
): BookedTime {
  const { date = DAY, minutes: length = 75, ...rest } = overrides;
  const startsAt = local(date, startHhmm);
  return {
    therapistId: "t-ana",
    status: "CONFIRMED",
    startsAt,
    blockedUntil: new Date(startsAt.getTime() + length * 60_000),
    holdExpiresAt: null,
    ...rest,
  };
}

function input(overrides: Partial<ComputeSlotsInput> = {}): ComputeSlotsInput {
  return {
    service: { durationMinutes: 60, bufferMinutes: 15 },
    therapists: [therapist()],
    bookings: [],
    from: DAY,
    to: DAY,
    now: new Date("2026-11-20T12:00:00Z"),
    rules: { timeZone: NY, minNoticeMinutes: 120, horizonDays: 60, gridMinutes: 15 },
    ...overrides,
  };
}

/** "09:00"-style local start times, for tables people can read. */
function startTimes(slots: Slot[], timeZone = NY): string[] {
  return slots.map((slot) => {
    const wall = toWallTime(slot.start, timeZone);
    return `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  });
}

function quarterHours(from: string, to: string): string[] {
  const list: string[] = [];
  for (let minute = minutes(from); minute <= minutes(to); minute += 15) {
    list.push(`${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`);
  }
  return list;
}

describe("computeSlots: a day at the clinic", () => {
  it.each([
    {
      name: "a plain morning: the last treatment ends at closing, its buffer may run past it",
      change: { therapists: [therapist({ workingHours: [hours("09:00", "12:00")] })] },
      expected: quarterHours("09:00", "11:00"),
    },
    {
      name: "a break: no treatment overlaps it, though a buffer may run into it",
      change: {
        therapists: [therapist({ workingHours: [hours("09:00", "12:00")], breaks: [hours("10:00", "10:30")] })],
      },
      expected: ["09:00", "10:30", "10:45", "11:00"],
    },
    {
      name: "time off that splits the day into a morning and an afternoon",
      change: {
        therapists: [therapist({ timeOff: [{ startsAt: local(DAY, "12:00"), endsAt: local(DAY, "14:00") }] })],
      },
      expected: [...quarterHours("09:00", "11:00"), ...quarterHours("14:00", "16:00")],
    },
    {
      name: "back-to-back bookings: a new visit fits exactly between buffers, and not a minute sooner",
      // 10:00 and 11:15 blocked (visit + buffer) until 12:30; another at 14:00 until 15:15.
      change: { bookings: [booking("10:00"), booking("11:15"), booking("14:00")] },
      expected: ["12:30", "12:45", ...quarterHours("15:15", "16:00")],
    },
    {
      name: "a booking across midnight UTC (18:30-19:45 New York is 23:30-00:45 UTC)",
      change: {
        therapists: [therapist({ workingHours: [hours("17:00", "22:00")] })],
        bookings: [booking("18:30")],
      },
      expected: ["17:00", "17:15", ...quarterHours("19:45", "21:00")],
    },
    {
      name: "hours that do not start on the grid: the first start is the next quarter hour",
      change: { therapists: [therapist({ workingHours: [hours("09:10", "11:20")] })] },
      expected: ["09:15", "09:30", "09:45", "10:00", "10:15"],
    },
    {
      name: "two blocks of hours that touch join up, so a visit may span them",
      change: { therapists: [therapist({ workingHours: [hours("09:00", "11:00"), hours("11:00", "12:00")] })] },
      expected: quarterHours("09:00", "11:00"),
    },
    {
      name: "hours on another weekday give nothing on this one",
      change: { therapists: [therapist({ workingHours: [hours("09:00", "17:00", TUESDAY + 1)] })] },
      expected: [],
    },
    {
      name: "a 30-minute grid",
      change: {
        therapists: [therapist({ workingHours: [hours("09:00", "12:00")] })],
        rules: { timeZone: NY, minNoticeMinutes: 120, horizonDays: 60, gridMinutes: 30 },
      },
      expected: ["09:00", "09:30", "10:00", "10:30", "11:00"],
    },
    {
      name: "the minimum notice: with 120 minutes at 09:30, nothing before 11:30",
      change: { now: local(DAY, "09:30") },
      expected: quarterHours("11:30", "16:00"),
    },
    {
      name: "no notice: still nothing in the past",
      change: {
        now: local(DAY, "14:05"),
        rules: { timeZone: NY, minNoticeMinutes: 0, horizonDays: 60, gridMinutes: 15 },
      },
      expected: quarterHours("14:15", "16:00"),
    },
  ])("$name", ({ change, expected }) => {
    const slots = computeSlots(input(change));
    expect(startTimes(slots)).toEqual(expected);
    for (const slot of slots) expect(slot.end.getTime() - slot.start.getTime()).toBe(60 * 60_000);
  });

  it("offers days up to the horizon and not beyond, counted in clinic days", () => {
    const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => hours("09:00", "10:00", weekday));
    const slots = computeSlots(
      input({
        therapists: [therapist({ workingHours: everyDay })],
        from: "2026-11-25",
        to: "2026-12-10",
        now: new Date("2026-11-30T12:00:00Z"), // 07:00 on Nov 30 in New York
        rules: { timeZone: NY, minNoticeMinutes: 120, horizonDays: 3, gridMinutes: 15 },
      }),
    );
    const days = [...new Set(slots.map((slot) => createOffsetFormatter(NY)(slot.start).slice(0, 10)))];
    // Nothing before today, today itself (09:00 is after the notice), and three days on.
    expect(days).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]);
  });

  it.each([
    ["PENDING_PAYMENT", "2026-12-01T08:59:00-05:00", false],
    ["PENDING_PAYMENT", "2026-12-01T09:00:00-05:00", false],
    ["PENDING_PAYMENT", "2026-12-01T09:01:00-05:00", true],
    ["CONFIRMED", null, true],
    ["CHECKED_IN", null, true],
    ["COMPLETED", null, false],
    ["CANCELLED", null, false],
    ["NO_SHOW", null, false],
    ["EXPIRED", null, false],
  ] as const)("a %s booking (hold until %s) blocks its time: %s", (status, holdUntil, blocks) => {
    const now = new Date("2026-12-01T09:00:00-05:00");
    const slots = computeSlots(
      input({
        now,
        rules: { timeZone: NY, minNoticeMinutes: 0, horizonDays: 60, gridMinutes: 15 },
        bookings: [booking("13:00", { status, holdExpiresAt: holdUntil ? new Date(holdUntil) : null })],
      }),
    );
    expect(startTimes(slots).includes("13:00")).toBe(!blocks);
  });

  it("ignores the bookings of other therapists", () => {
    const slots = computeSlots(input({ bookings: [booking("10:00", { therapistId: "t-someone-else" })] }));
    expect(startTimes(slots)).toEqual(quarterHours("09:00", "16:00"));
  });

  it("gives no slots for a backwards range, no therapists, or a therapist with no hours", () => {
    expect(computeSlots(input({ from: "2026-12-02", to: "2026-12-01" }))).toEqual([]);
    expect(computeSlots(input({ therapists: [] }))).toEqual([]);
    expect(computeSlots(input({ therapists: [therapist({ workingHours: [] })] }))).toEqual([]);
  });

  it("refuses a service with no duration and a grid that does not divide the day", () => {
    expect(() => computeSlots(input({ service: { durationMinutes: 0, bufferMinutes: 0 } }))).toThrow(
      /service duration must be a positive number of minutes/,
    );
    expect(() =>
      computeSlots(input({ rules: { timeZone: NY, minNoticeMinutes: 0, horizonDays: 60, gridMinutes: 7 } })),
    ).toThrow(/the slot grid must divide a day/);
  });
});

describe("computeSlots: any therapist", () => {
  const ana = therapist({ id: "t-ana", name: "Ana" });
  const ben = therapist({ id: "t-ben", name: "Ben" });

  it("offers one slot per start time, naming who is assigned", () => {
    const slots = computeSlots(input({ therapists: [ana, ben], bookings: [booking("09:00")] }));
    const starts = slots.map((slot) => slot.start.getTime());
    expect(new Set(starts).size).toBe(starts.length);
    expect(startTimes(slots)).toEqual(quarterHours("09:00", "16:00"));
    // Ana is busy from 09:00 to 10:15, so only Ben can take the early times.
    expect(slots.filter((slot) => startTimes([slot])[0]! < "10:15").map((slot) => slot.therapistName)).toEqual(
      Array(5).fill("Ben"),
    );
  });

  it("assigns the therapist with fewer bookings that day", () => {
    // Ana has one visit late in the day; at every time both are free, Ben gets the client.
    const slots = computeSlots(input({ therapists: [ana, ben], bookings: [booking("16:00")] }));
    const bothFree = slots.filter((slot) => startTimes([slot])[0]! <= "14:45");
    expect(bothFree.length).toBeGreaterThan(0);
    expect(new Set(bothFree.map((slot) => slot.therapistId))).toEqual(new Set(["t-ben"]));
  });

  it("does not count a lapsed hold or another day's booking against a therapist", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const lapsed = booking("16:00", { status: "PENDING_PAYMENT", holdExpiresAt: new Date(now.getTime() - 1) });
    const otherDay = booking("16:00", { date: "2026-12-02" });
    const first = rotationRank(DAY, "t-ana") < rotationRank(DAY, "t-ben") ? "t-ana" : "t-ben";
    const slots = computeSlots(input({ now, therapists: [ana, ben], bookings: [lapsed, otherDay] }));
    expect(new Set(slots.map((slot) => slot.therapistId))).toEqual(new Set([first]));
  });

  it("breaks ties by a rotation that is stable for a day and changes between days", () => {
    const weekdays = [0, 1, 2, 3, 4, 5, 6].map((weekday) => hours("09:00", "10:00", weekday));
    const team = ["t-ana", "t-ben", "t-cal"].map((id) => therapist({ id, name: id, workingHours: weekdays }));
    const request = input({ therapists: team, from: "2026-12-01", to: "2026-12-30" });
    const slots = computeSlots(request);
    const format = createOffsetFormatter(NY);
    const byDay = new Map<string, Set<string>>();
    for (const slot of slots) {
      const day = format(slot.start).slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? new Set()).add(slot.therapistId));
    }
    // One therapist per day when nobody has bookings; the same answer every time and whatever
    // order the therapists arrive in; and over a month everyone takes a turn.
    expect([...byDay.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(computeSlots({ ...request, therapists: [...team].reverse() })).toEqual(slots);
    expect(new Set(slots.map((slot) => slot.therapistId))).toEqual(new Set(["t-ana", "t-ben", "t-cal"]));
  });
});

describe("computeSlots: daylight-saving days neither lose nor invent slots", () => {
  // A 15-minute service with no buffer, so every quarter hour of real time the therapist works is
  // exactly one slot.
  const quarterHourService = { durationMinutes: 15, bufferMinutes: 0 };

  function dayOfSlots(timeZone: string, date: string, window: WeeklyWindow) {
    return computeSlots(
      input({
        service: quarterHourService,
        therapists: [therapist({ workingHours: [window] })],
        from: date,
        to: date,
        now: new Date(`${date.slice(0, 4)}-01-01T00:00:00Z`),
        rules: { timeZone, minNoticeMinutes: 0, horizonDays: 365, gridMinutes: 15 },
      }),
    );
  }

  it.each([
    ["America/New_York", "2026-03-08", "spring forward", 5],
    ["America/New_York", "2026-11-01", "fall back", 7],
    ["Europe/London", "2026-03-29", "spring forward", 5],
    ["Europe/London", "2026-10-25", "fall back", 7],
    ["Australia/Sydney", "2026-10-04", "spring forward", 5],
    ["Australia/Sydney", "2026-04-05", "fall back", 7],
  ])("%s on %s (%s): 00:00-06:00 local is %i real hours of slots", (timeZone, date, _change, realHours) => {
    const slots = dayOfSlots(timeZone, date, hours("00:00", "06:00", clinicWeekday(date)));
    expect(slots).toHaveLength(realHours * 4);
    // Back to back every 15 real minutes from the first instant of the day: none lost, none twice.
    const first = local(date, "00:00", timeZone).getTime();
    slots.forEach((slot, index) => expect(slot.start.getTime()).toBe(first + index * 15 * 60_000));
    // And each starts on a wall-clock quarter hour.
    for (const slot of slots) expect(toWallTime(slot.start, timeZone).minute % 15).toBe(0);
  });

  it.each([
    ["America/New_York", "2026-03-08"],
    ["America/New_York", "2026-11-01"],
    ["Europe/London", "2026-03-29"],
    ["Europe/London", "2026-10-25"],
    ["Australia/Sydney", "2026-10-04"],
    ["Australia/Sydney", "2026-04-05"],
  ])("%s on %s: a 09:00-17:00 day is the same 32 slots as any other", (timeZone, date) => {
    const slots = dayOfSlots(timeZone, date, hours("09:00", "17:00", clinicWeekday(date)));
    expect(startTimes(slots, timeZone)).toEqual(quarterHours("09:00", "16:45"));
  });

  it("names each side of New York's changes with its own offset", () => {
    const format = createOffsetFormatter(NY);
    const spring = dayOfSlots(NY, "2026-03-08", hours("01:00", "04:00", 0)).map((slot) => format(slot.start));
    expect(spring.map((iso) => iso.slice(11))).toEqual([
      "01:00:00-05:00",
      "01:15:00-05:00",
      "01:30:00-05:00",
      "01:45:00-05:00",
      "03:00:00-04:00",
      "03:15:00-04:00",
      "03:30:00-04:00",
      "03:45:00-04:00",
    ]);
    const fall = dayOfSlots(NY, "2026-11-01", hours("00:30", "02:30", 0)).map((slot) => format(slot.start));
    expect(fall.map((iso) => iso.slice(11))).toEqual([
      "00:30:00-04:00",
      "00:45:00-04:00",
      "01:00:00-04:00",
      "01:15:00-04:00",
      "01:30:00-04:00",
      "01:45:00-04:00",
      "01:00:00-05:00",
      "01:15:00-05:00",
      "01:30:00-05:00",
      "01:45:00-05:00",
      "02:00:00-05:00",
      "02:15:00-05:00",
    ]);
  });
});
