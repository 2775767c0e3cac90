// Properties of computeSlots over random clinics, held to a brute-force oracle written another way
// (every 5 minutes of real time, checked through lib/time/clinic-time): every slot offered is
// allowed (inside hours, on the grid, clear of breaks, time off and bookings with buffers, after
// the notice, within the horizon, given to the fairest therapist) and every allowed time is
// offered, DST days included. And the answer never depends on the server's own time zone.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rotationRank } from "@/lib/availability/assign-therapist";
import {
  computeSlots,
  type BookedTime,
  type ComputeSlotsInput,
  type TherapistSchedule,
  type WeeklyWindow,
} from "@/lib/availability/compute-slots";
import {
  addDays,
  clinicDayBounds,
  clinicToday,
  clinicWeekday,
  toWallTime,
  wallTimeToUtc,
} from "@/lib/time/clinic-time";

const MINUTE = 60_000;
const STATUSES = [
  "PENDING_PAYMENT",
  "CONFIRMED",
  "CHECKED_IN",
  "COMPLETED",
  "CANCELLED",
  "NO_SHOW",
  "EXPIRED",
] as const;
// A day or two before each zone's clock changes in 2026, so DST days come up often.
const NEAR_CHANGES: Record<string, string[]> = {
  "America/New_York": ["2026-03-07", "2026-10-31"],
  "Europe/London": ["2026-03-28", "2026-10-24"],
  "Australia/Sydney": ["2026-04-04", "2026-10-03"],
  "Asia/Kolkata": [],
  UTC: [],
};

// Whole hours often enough that windows touch end to start, and night hours that cross the
// changes (which happen between 00:00 and 03:00 in these zones).
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 1435 }),
  fc.integer({ min: 0, max: 23 }).map((hour) => hour * 60),
);
const windowLength = fc.oneof(
  fc.integer({ min: 5, max: 720 }),
  fc.integer({ min: 1, max: 8 }).map((hours) => hours * 60),
);
const weeklyWindow: fc.Arbitrary<WeeklyWindow> = fc
  .record({ weekday: fc.integer({ min: 0, max: 6 }), start: minuteOfDay, length: windowLength })
  .map(({ weekday, start, length }) => ({ weekday, startMinute: start, endMinute: Math.min(1440, start + length) }));
const nightShift: fc.Arbitrary<WeeklyWindow[]> = fc
  .record({ start: fc.integer({ min: 0, max: 4 }), end: fc.integer({ min: 1, max: 8 }) })
  .map(({ start, end }) =>
    [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: start * 30, endMinute: 60 + end * 60 })),
  );
// Two blocks that touch (09:00-12:00 and 12:00-17:00, say) on every weekday.
const splitShift: fc.Arbitrary<WeeklyWindow[]> = fc
  .record({
    start: fc.integer({ min: 0, max: 10 }),
    middle: fc.integer({ min: 1, max: 12 }),
    end: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ start, middle, end }) =>
    [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { weekday, startMinute: start * 60, endMinute: (start + middle) * 60 },
      { weekday, startMinute: (start + middle) * 60, endMinute: Math.min(1440, (start + middle + end) * 60) },
    ]),
  );

const clinicInput: fc.Arbitrary<ComputeSlotsInput> = fc
  .record({
    zoneAndFrom: fc.constantFrom(...Object.keys(NEAR_CHANGES)).chain((timeZone) =>
      fc.tuple(
        fc.constant(timeZone),
        fc.oneof(
          fc.integer({ min: 0, max: 364 }).map((n) => addDays("2026-01-01", n)),
          ...(NEAR_CHANGES[timeZone] ?? []).map((date) => fc.constant(date)),
        ),
      ),
    ),
    days: fc.integer({ min: 1, max: 4 }),
    nowShift: fc.integer({ min: -2 * 1440, max: 3 * 1440 }), // minutes from the first day's UTC midnight
    nowSeconds: fc.integer({ min: 0, max: 59_999 }),
    gridMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
    minNoticeMinutes: fc.integer({ min: 0, max: 600 }),
    horizonDays: fc.integer({ min: 1, max: 6 }),
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 75, 90, 120),
    bufferMinutes: fc.constantFrom(0, 5, 10, 15, 30),
    therapists: fc.array(
      fc.record({
        workingHours: fc.oneof(fc.array(weeklyWindow, { maxLength: 5 }), nightShift, splitShift),
        breaks: fc.array(weeklyWindow, { maxLength: 3 }),
        timeOff: fc.array(
          fc.record({ at: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: 5, max: 2000 }) }),
          { maxLength: 3 },
        ),
        bookings: fc.array(
          fc.record({
            at: fc.integer({ min: -1440, max: 6 * 1440 }),
            length: fc.integer({ min: 15, max: 240 }),
            status: fc.constantFrom(...STATUSES),
            holdShift: fc.integer({ min: -120, max: 120 }),
          }),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ zoneAndFrom: [timeZone, from], ...spec }) => {
    const base = Date.parse(`${from}T00:00:00Z`);
    const at = (minutes: number) => new Date(base + minutes * MINUTE);
    const now = new Date(base + spec.nowShift * MINUTE + spec.nowSeconds);
    const therapists: TherapistSchedule[] = spec.therapists.map((therapist, index) => ({
      id: `t-${index}`,
      name: `Therapist ${index}`,
      workingHours: therapist.workingHours,
      breaks: therapist.breaks,
      timeOff: therapist.timeOff.map((off) => ({ startsAt: at(off.at), endsAt: at(off.at + off.length) })),
    }));
    const bookings: BookedTime[] = spec.therapists.flatMap((therapist, index) =>
      therapist.bookings.map((booking) => ({
        therapistId: `t-${index}`,
        status: booking.status,
        startsAt: at(booking.at),
        blockedUntil: at(booking.at + booking.length),
        holdExpiresAt:
          booking.status === "PENDING_PAYMENT" ? new Date(now.getTime() + booking.holdShift * MINUTE) : null,
      })),
    );
    return {
      service: { durationMinutes: spec.durationMinutes, bufferMinutes: spec.bufferMinutes },
      therapists,
      bookings,
      from,
      to: addDays(from, spec.days - 1),
      now,
      rules: {
        timeZone,
        minNoticeMinutes: spec.minNoticeMinutes,
        horizonDays: spec.horizonDays,
        gridMinutes: spec.gridMinutes,
      },
    };
  });

type Interval = [number, number];
const overlaps = (a: Interval, b: Interval) => a[0] < b[1] && b[0] < a[1];

function isoDateOf(wall: { year: number; month: number; day: number }): string {
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** A weekly window on a date as instants, read the way wallTimeToUtc reads wall times. */
function windowOn(date: string, window: WeeklyWindow, timeZone: string): Interval | null {
  if (clinicWeekday(date) !== window.weekday) return null;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const instant = (minute: number) =>
    minute === 1440
      ? clinicDayBounds(date, timeZone).end.getTime()
      : wallTimeToUtc({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone).getTime();
  const interval: Interval = [instant(window.startMinute), instant(window.endMinute)];
  return interval[0] < interval[1] ? interval : null;
}

interface TherapistDays {
  therapist: TherapistSchedule;
  hours: Map<string, Interval[]>; // per date: runs of working hours (touching windows joined)
  breaks: Map<string, Interval[]>;
  bookings: Interval[]; // blocking bookings, [startsAt, blockedUntil)
  nearby: Map<string, string[]>; // a date with the day before and after
  firstBookable: string; // today
  lastBookable: string; // today + horizon
}

// The therapist's hours and breaks on every date that can matter, worked out once per input.
function therapistDays(input: ComputeSlotsInput, therapist: TherapistSchedule): TherapistDays {
  const { timeZone } = input.rules;
  const hours = new Map<string, Interval[]>();
  const breaks = new Map<string, Interval[]>();
  const nearby = new Map<string, string[]>();
  for (let date = addDays(input.from, -1); date <= addDays(input.to, 1); date = addDays(date, 1)) {
    nearby.set(date, [addDays(date, -1), date, addDays(date, 1)]);
    const on = (windows: readonly WeeklyWindow[]) =>
      windows
        .map((window) => windowOn(date, window, timeZone))
        .filter((interval): interval is Interval => interval !== null)
        .sort((a, b) => a[0] - b[0]);
    breaks.set(date, on(therapist.breaks));
    // Hours count only on the dates asked for.
    hours.set(date, date >= input.from && date <= input.to ? on(therapist.workingHours) : []);
  }
  const bookings = blockingBookings(input, therapist.id).map((booking): Interval => [
    booking.startsAt.getTime(),
    booking.blockedUntil.getTime(),
  ]);
  const today = clinicToday(timeZone, input.now);
  return {
    therapist,
    hours,
    breaks,
    bookings,
    nearby,
    firstBookable: today,
    lastBookable: addDays(today, input.rules.horizonDays),
  };
}

/** The oracle: may this therapist take a treatment starting at `start` (shown as `wall`)? */
function allowedStart(
  input: ComputeSlotsInput,
  days: TherapistDays,
  start: number,
  wall: { year: number; month: number; day: number; hour: number; minute: number },
): boolean {
  const { rules, service, now } = input;
  const date = isoDateOf(wall);
  if (date < input.from || date > input.to || date < days.firstBookable || date > days.lastBookable) return false;
  if ((wall.hour * 60 + wall.minute) % rules.gridMinutes !== 0 || start % MINUTE !== 0) return false;
  if (start < now.getTime() + rules.minNoticeMinutes * MINUTE) return false;

  const treatment: Interval = [start, start + service.durationMinutes * MINUTE];
  const nearby = days.nearby.get(date) ?? [];
  // Inside working hours: within one run of hours, touching runs joined (across midnight too).
  const runs: Interval[] = [];
  for (const interval of nearby.flatMap((day) => days.hours.get(day) ?? [])) {
    const last = runs[runs.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else runs.push([...interval]);
  }
  if (!runs.some(([from, to]) => from <= treatment[0] && treatment[1] <= to)) return false;
  if (nearby.some((day) => (days.breaks.get(day) ?? []).some((interval) => overlaps(interval, treatment)))) {
    return false;
  }
  const timeOff = days.therapist.timeOff.map((off): Interval => [off.startsAt.getTime(), off.endsAt.getTime()]);
  if (timeOff.some((interval) => overlaps(interval, treatment))) return false;
  const withBuffer: Interval = [treatment[0], treatment[1] + service.bufferMinutes * MINUTE];
  return !days.bookings.some((interval) => overlaps(interval, withBuffer));
}

function blockingBookings(input: ComputeSlotsInput, therapistId: string): BookedTime[] {
  return input.bookings.filter(
    (booking) =>
      booking.therapistId === therapistId &&
      ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"].includes(booking.status) &&
      !(booking.status === "PENDING_PAYMENT" && booking.holdExpiresAt!.getTime() <= input.now.getTime()),
  );
}

describe("computeSlots properties", () => {
  it("offers exactly the times the oracle allows, each to the fairest free therapist", () => {
    let runsWithSlots = 0;
    fc.assert(
      fc.property(clinicInput, (input) => {
        const slots = computeSlots(input);
        if (slots.length > 0) runsWithSlots += 1;
        const { start: first } = clinicDayBounds(input.from, input.rules.timeZone);
        const { end: last } = clinicDayBounds(input.to, input.rules.timeZone);

        // Brute force: every 5 minutes of real time (all grids and these zones' offsets are
        // whole multiples of 5 minutes), who may start then.
        const team = input.therapists.map((therapist) => therapistDays(input, therapist));
        const expected = new Map<number, TherapistSchedule[]>();
        for (let start = first.getTime(); start < last.getTime(); start += 5 * MINUTE) {
          const wall = toWallTime(new Date(start), input.rules.timeZone);
          const free = team.filter((days) => allowedStart(input, days, start, wall)).map((days) => days.therapist);
          if (free.length > 0) expected.set(start, free);
        }
        expect(slots.map((slot) => slot.start.getTime())).toEqual([...expected.keys()]);

        for (const slot of slots) {
          expect(slot.end.getTime() - slot.start.getTime()).toBe(input.service.durationMinutes * MINUTE);
          const date = isoDateOf(toWallTime(slot.start, input.rules.timeZone));
          const { start: dayStart, end: dayEnd } = clinicDayBounds(date, input.rules.timeZone);
          const bookingsThatDay = (therapist: TherapistSchedule) =>
            blockingBookings(input, therapist.id).filter(
              (booking) => booking.startsAt >= dayStart && booking.startsAt < dayEnd,
            ).length;
          const fairest = [...expected.get(slot.start.getTime())!].sort(
            (a, b) => bookingsThatDay(a) - bookingsThatDay(b) || rotationRank(date, a.id) - rotationRank(date, b.id),
          )[0]!;
          expect([slot.therapistId, slot.therapistName]).toEqual([fairest.id, fairest.name]);
        }
      }),
      { numRuns: 150 },
    );
    // The random clinics must offer something often enough for the comparison to mean anything.
    expect(runsWithSlots).toBeGreaterThan(150 / 4);
  }, 60_000);

  it("gives the same answer whatever time zone the server runs in", () => {
    const original = process.env.TZ;
    const serverZones = ["UTC", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe"];
    try {
      fc.assert(
        fc.property(clinicInput, (input) => {
          process.env.TZ = "Pacific/Honolulu";
          const reference = computeSlots(input);
          for (const zone of serverZones) {
            process.env.TZ = zone;
            expect(computeSlots(input)).toEqual(reference);
          }
        }),
        { numRuns: 40 },
      );
      // The switch really changed the process's local time, so the comparison above had teeth.
      process.env.TZ = "Asia/Kathmandu";
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-345);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it("never reads local time: no local Date methods, no Temporal.Now, no Intl format without a zone", () => {
    const root = path.resolve(__dirname, "../..");
    const files = ["lib/availability", "lib/time"].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((name) => name.endsWith(".ts"))
        .map((name) => path.join(dir, name)),
    );
    expect(files).toContain("lib/availability/compute-slots.ts");
    const forbidden = [
      /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|Year)\(/,
      /\.getTimezoneOffset\(/,
      /\.toLocale(Date|Time)?String\(|\.to(Date|Time)String\(/,
      /new Date\([^()]*,/, // the multi-argument constructor reads fields as local time
      /new Date\(\s*["'`]|Date\.parse\(/, // a date-time string without an offset is local time
      /Temporal\.Now\./,
    ];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const pattern of forbidden) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
      for (const match of source.matchAll(/Intl\.DateTimeFormat\(/g)) {
        expect(source.slice(match.index, match.index + 300), `${file}: a formatter without timeZone`).toMatch(
          /timeZone/,
        );
      }
    }
  });
});
