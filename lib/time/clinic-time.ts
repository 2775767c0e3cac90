// Converting between UTC instants and wall-clock time in the clinic's zone. The zone rules come from
// Temporal (temporal-polyfill) over the IANA database, so DST days come out right: a spring-forward
// day is 23 hours long, a fall-back day 25. No function here reads the server's own time zone.
import { Temporal } from "temporal-polyfill";

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

function zonedAt(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
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
  const zoned = zonedAt(instant, timeZone);
  return { year: zoned.year, month: zoned.month, day: zoned.day, hour: zoned.hour, minute: zoned.minute };
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
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: "reject" },
    );
    return { year: date.year, month: date.month, day: date.day };
  } catch {
    return null;
  }
}

/** The instants [start, end) of a calendar day (YYYY-MM-DD) in the zone. */
export function clinicDayBounds(isoDate: string, timeZone: string): { start: Date; end: Date } {
  const date = plainDateOf(isoDate);
  // toZonedDateTime(zone) is the day's first instant, even where midnight itself is skipped.
  return {
    start: new Date(date.toZonedDateTime(timeZone).epochMilliseconds),
    end: new Date(date.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds),
  };
}

/** Today's date (YYYY-MM-DD) in the zone. */
export function clinicToday(timeZone: string, now = new Date()): string {
  return zonedAt(now, timeZone).toPlainDate().toString();
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday (Temporal counts Monday 1 … Sunday 7). */
export function clinicWeekday(isoDate: string): number {
  return plainDateOf(isoDate).dayOfWeek % 7;
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

export function formatMinutesOfDay(minutes: number): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const suffix = hour >= 12 && hour < 24 ? "PM" : "AM";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:${String(minute).padStart(2, "0")} ${suffix}`;
}

/** The calendar date n days after (or before) a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  return plainDateOf(isoDate).add({ days }).toString();
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
