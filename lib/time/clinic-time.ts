// Converting between UTC instants and wall-clock time in the clinic's zone. Pure functions over
// Intl, so DST days come out right: a spring-forward day is 23 hours long, a fall-back day 25.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export function toWallTime(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Milliseconds to add to UTC to get the zone's wall time at that instant. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const wall = toWallTime(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant at which the zone's clocks show this wall time. An ambiguous fall-back time resolves
 * to its first occurrence. A time skipped by spring-forward is read with the offset before the gap,
 * so 02:30 becomes 03:30 (it shifts by the gap's length): slot generators must walk UTC instants,
 * not wall-clock times, or they would produce 03:00-03:59 twice.
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const day = 86_400_000;
  // Offsets a day either side of the moment: they differ only when a DST change falls in between.
  const offsetBefore = zoneOffsetMs(new Date(naive - day), timeZone);
  const offsetAfter = zoneOffsetMs(new Date(naive + day), timeZone);
  const matches = [naive - offsetBefore, naive - offsetAfter].filter((candidate) => {
    const shown = toWallTime(new Date(candidate), timeZone);
    return (
      shown.year === wall.year &&
      shown.month === wall.month &&
      shown.day === wall.day &&
      shown.hour === wall.hour &&
      shown.minute === wall.minute
    );
  });
  // Both match: the time happens twice (fall back), take the first. Neither: it is skipped
  // (spring forward), so read it with the old offset, which shifts it forward by the gap.
  return new Date(matches.length > 0 ? Math.min(...matches) : naive - offsetBefore);
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instants [start, end) of a calendar day (YYYY-MM-DD) in the zone. */
export function clinicDayBounds(isoDate: string, timeZone: string): { start: Date; end: Date } {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return {
    start: wallTimeToUtc({ ...date, hour: 0, minute: 0 }, timeZone),
    end: wallTimeToUtc(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 },
      timeZone,
    ),
  };
}

/** Today's date (YYYY-MM-DD) in the zone. */
export function clinicToday(timeZone: string, now = new Date()): string {
  const wall = toWallTime(now, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** Day of the week in the zone: 0 = Sunday … 6 = Saturday. */
export function clinicWeekday(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "Mon, Nov 23, 2026, 9:00 AM EST": every time shown to a person names its zone. */
export function formatClinicDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
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
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}

export function formatClinicDate(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
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
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day + days)).toISOString().slice(0, 10);
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
