// UTC instants to and from wall-clock time in the clinic's zone, by Temporal over the IANA database,
// so DST days come out right; never the server's own zone. Offsets are looked up once per run between
// two transitions and remembered: a booking asks these questions dozens of times.
import { Temporal } from "temporal-polyfill";

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
const NS_PER_MS = 1_000_000;

/** A stretch of time in which the zone's offset (wall time minus UTC) does not change: [fromMs, untilMs). */
interface OffsetRun {
  fromMs: number;
  untilMs: number;
  offsetMs: number;
}

// The runs looked up so far, per zone: a handful (one per DST half-year asked about). Bounded all
// the same, so no input can grow it without limit.
const offsetRuns = new Map<string, OffsetRun[]>();
const MAX_RUNS_PER_ZONE = 64;

/** The zone's offset at an instant, in ms (wall time minus UTC). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  let runs = offsetRuns.get(timeZone);
  const known = runs?.find((run) => run.fromMs <= instantMs && instantMs < run.untilMs);
  if (known) return known.offsetMs;
  const zoned = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
  // "previous" is the last transition strictly before the instant: an instant that is itself a
  // transition starts its run (else the run would reach back over the other offset).
  const justBefore = Temporal.Instant.fromEpochMilliseconds(instantMs - 1).toZonedDateTimeISO(timeZone);
  const startsHere = justBefore.offsetNanoseconds !== zoned.offsetNanoseconds;
  const run = {
    fromMs: startsHere ? instantMs : (zoned.getTimeZoneTransition("previous")?.epochMilliseconds ?? -Infinity),
    untilMs: zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity,
    offsetMs: zoned.offsetNanoseconds / NS_PER_MS,
  };
  if (!runs || runs.length >= MAX_RUNS_PER_ZONE) {
    runs = [];
    offsetRuns.set(timeZone, runs);
  }
  runs.push(run);
  return run.offsetMs;
}

/** The wall clock's fields at an instant: the UTC fields of the instant moved by the offset. */
function wallDateAt(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
}

/** Midnight UTC of a calendar date, for any four-digit year (Date.UTC would read 0-99 as 1900-1999). */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** YYYY-MM-DD of a UTC midnight; dates outside years 0000-9999 have no such form and are refused. */
function isoDateOfUtc(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`no four-digit year: ${year}`);
  return `${String(year).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

// Out-of-range fields roll over (day 32, hour 24) the way Date.UTC does, so callers may add to a
// field without normalising it first.
function plainDateTimeOf(wall: WallTime): Temporal.PlainDateTime {
  return new Temporal.PlainDateTime(wall.year, 1, 1).add({
    months: wall.month - 1,
    days: wall.day - 1,
    hours: wall.hour,
    minutes: wall.minute,
  });
}

function plainDateOf(isoDate: string): Temporal.PlainDate {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Temporal.PlainDate(date.year, date.month, date.day);
}

export function toWallTime(instant: Date, timeZone: string): WallTime {
  const wall = wallDateAt(instant, timeZone);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The instant at which the zone's clocks show this wall time. An ambiguous fall-back time resolves
 * to its first occurrence. A time skipped by spring-forward shifts forward by the gap's length, so
 * 02:30 becomes 03:30 (Temporal's "compatible"): slot generators must not walk wall times through
 * this function, or they would produce 03:00-03:59 twice (lib/availability expands each wall time
 * to all its instants instead).
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const zoned = plainDateTimeOf(wall).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A date that rolls over (February 30th, month 13) is not a calendar date.
  const date = utcMidnight(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instants [start, end) of a calendar day (YYYY-MM-DD) in the zone. */
export function clinicDayBounds(isoDate: string, timeZone: string): { start: Date; end: Date } {
  const key = `${timeZone}|${isoDate}`;
  let bounds = dayBounds.get(key);
  if (!bounds) {
    const date = plainDateOf(isoDate);
    // toZonedDateTime(zone) is the day's first instant, even where midnight itself is skipped.
    bounds = [
      date.toZonedDateTime(timeZone).epochMilliseconds,
      date.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds,
    ];
    if (dayBounds.size >= MAX_DAY_BOUNDS) dayBounds.clear();
    dayBounds.set(key, bounds);
  }
  // New Date objects each time: a caller may change the ones it is given.
  return { start: new Date(bounds[0]), end: new Date(bounds[1]) };
}
const dayBounds = new Map<string, [number, number]>();
const MAX_DAY_BOUNDS = 2048;

/** Today's date (YYYY-MM-DD) in the zone. */
export function clinicToday(timeZone: string, now = new Date()): string {
  return isoDateOfUtc(wallDateAt(now, timeZone));
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function clinicWeekday(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  return utcMidnight(date.year, date.month, date.day).getUTCDay();
}

/** "Mon, Nov 23, 2026, 9:00 AM EST": every time shown to a person names its zone. */
export function formatClinicDateTime(instant: Date, timeZone: string): string {
  return formatter("date-time", timeZone, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}

export function formatClinicTime(instant: Date, timeZone: string): string {
  return formatter("time", timeZone, { hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(instant);
}

export function formatClinicDate(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return formatter("long-date", "UTC", { weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(
    new Date(Date.UTC(date.year, date.month - 1, date.day)),
  );
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (the week view formats a
// time for each of hundreds of visits: most of its render went to building them), so each kind is
// built once per zone and kept. A handful of zones at most: the clinic's, and UTC.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let built = formatters.get(key);
  if (!built) {
    built = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    formatters.set(key, built);
  }
  return built;
}

/** The calendar date n days after (or before) a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  // Whole UTC days: no zone, so no day is 23 or 25 hours long here.
  return isoDateOfUtc(new Date(utcMidnight(date.year, date.month, date.day).getTime() + days * DAY_MS));
}

/** "Eastern Time" for America/New_York: the zone as people say it. */
export function formatZoneName(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

// Dates people may ask the schedule for: wide enough for any real use, narrow enough that the
// year is always four digits.
export const SCHEDULE_DATE_RANGE = { min: "2000-01-01", max: "2100-12-31" } as const;

export function isSchedulableDate(isoDate: string): boolean {
  return parseIsoDate(isoDate) !== null && isoDate >= SCHEDULE_DATE_RANGE.min && isoDate <= SCHEDULE_DATE_RANGE.max;
}
