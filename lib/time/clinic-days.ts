// Calendar days in the clinic's zone as runs of UTC instants, for code that walks many wall-clock
// times (the availability engine): exact, and fast enough for a month of slots.
import { Temporal } from "temporal-polyfill";
import { parseIsoDate } from "./clinic-time";

const MINUTE_MS = 60_000;
const NS_PER_MS = 1_000_000;
const DAY_MS = 86_400_000;

interface OffsetRun {
  fromMs: number; // the run starts at this instant (the day's start, or an offset change)
  offsetMs: number; // wall time minus UTC during the run
}

export interface ClinicDay {
  date: string; // YYYY-MM-DD in the clinic zone
  weekday: number; // 0 = Sunday … 6 = Saturday
  startMs: number; // first instant of the day
  endMs: number; // first instant of the next day
  timeZone: string;
  // Date.UTC of the date at 00:00: wall minute m on this day is localMidnightMs + m minutes.
  localMidnightMs: number;
  runs: OffsetRun[];
}

// Temporal supplies the zone's rules once per range (the offset in force and every change); each
// wall time is then exact arithmetic against those offsets, which keeps a month of quarter hours for
// several therapists well under a millisecond. A test holds every result to Temporal's own answer
// in zones with odd offsets and midnight transitions.
/** Every calendar day from `from` to `to` (inclusive, YYYY-MM-DD) in the zone, in order. */
export function listClinicDays(from: string, to: string, timeZone: string): ClinicDay[] {
  const first = parseIsoDate(from);
  const last = parseIsoDate(to);
  if (!first || !last) throw new RangeError(`not calendar dates: ${from}, ${to}`);
  if (from > to) return [];
  const firstMidnightMs = Date.UTC(first.year, first.month - 1, first.day);
  const dayCount = Math.round((Date.UTC(last.year, last.month - 1, last.day) - firstMidnightMs) / DAY_MS) + 1;

  const offsets = offsetsOver(from, dayCount, firstMidnightMs, timeZone);

  const dayStartsMs = Array.from({ length: dayCount + 1 }, (_, index) =>
    firstInstantAtOrAfter(offsets, firstMidnightMs + index * DAY_MS),
  );
  return dayStartsMs.slice(0, dayCount).map((startMs, index) => {
    const localMidnightMs = firstMidnightMs + index * DAY_MS;
    const endMs = dayStartsMs[index + 1] as number;
    const inForce = offsets.findLast((run) => run.fromMs <= startMs) as OffsetRun;
    const runs = [
      { fromMs: startMs, offsetMs: inForce.offsetMs },
      ...offsets.filter((run) => run.fromMs > startMs && run.fromMs < endMs),
    ];
    const midnight = new Date(localMidnightMs);
    return {
      date: midnight.toISOString().slice(0, 10),
      weekday: midnight.getUTCDay(),
      startMs,
      endMs,
      timeZone,
      localMidnightMs,
      runs,
    };
  });
}

/**
 * The zone's offsets over a range of days: the one in force a day before the first date (so a
 * change at the very first instant, a skipped midnight, is caught), then every change until well
 * past the last day's end (offsets stay within ±14 h, so two days of margin is plenty). Asking
 * Temporal for transitions is the slow part of a day list, and the same few ranges are asked for
 * again and again (every booking checks its day twice), so each range's answer is kept; the
 * arrays are never changed after they are built.
 */
function offsetsOver(from: string, dayCount: number, firstMidnightMs: number, timeZone: string): readonly OffsetRun[] {
  const key = `${timeZone}|${from}|${dayCount}`;
  const known = offsetsByRange.get(key);
  if (known) return known;
  const start = Temporal.PlainDate.from(from).subtract({ days: 1 }).toZonedDateTime(timeZone);
  const offsets: OffsetRun[] = [{ fromMs: -Infinity, offsetMs: start.offsetNanoseconds / NS_PER_MS }];
  const searchEndMs = firstMidnightMs + (dayCount + 2) * DAY_MS;
  for (let at = start.getTimeZoneTransition("next"); at && at.epochMilliseconds < searchEndMs;) {
    offsets.push({ fromMs: at.epochMilliseconds, offsetMs: at.offsetNanoseconds / NS_PER_MS });
    at = at.getTimeZoneTransition("next");
  }
  if (offsetsByRange.size >= MAX_RANGES) offsetsByRange.clear();
  offsetsByRange.set(key, offsets);
  return offsets;
}
const offsetsByRange = new Map<string, readonly OffsetRun[]>();
const MAX_RANGES = 1024;

// The first instant at which the clocks show this wall time (as UTC-based ms) or later: where a
// day starts, even when its midnight is skipped. Within one offset run the wall time only grows.
function firstInstantAtOrAfter(offsets: readonly OffsetRun[], wallMs: number): number {
  for (let index = 0; index < offsets.length; index++) {
    const run = offsets[index] as OffsetRun;
    const untilMs = offsets[index + 1]?.fromMs ?? Infinity;
    const instant = Math.max(run.fromMs, wallMs - run.offsetMs);
    if (instant < untilMs) return instant;
  }
  throw new RangeError("no instant shows this wall time"); // unreachable: the last run is open-ended
}

/**
 * Every instant at which the clocks show this wall minute (0-1439) on this day, ascending: none for
 * a time skipped by spring-forward, two for a time repeated by fall-back, otherwise one.
 */
export function wallMinuteInstants(day: ClinicDay, minute: number): number[] {
  const wallMs = day.localMidnightMs + minute * MINUTE_MS;
  const instants: number[] = [];
  day.runs.forEach((run, index) => {
    const untilMs = day.runs[index + 1]?.fromMs ?? day.endMs;
    const instant = wallMs - run.offsetMs;
    if (instant >= run.fromMs && instant < untilMs) instants.push(instant);
  });
  return instants;
}

/**
 * The instant a wall-clock boundary (0-1440, as in working hours) stands for, by the same rule as
 * wallTimeToUtc: a repeated time means its first occurrence, a skipped time moves forward by the
 * gap, and 1440 is the start of the next day.
 */
export function wallMinuteToInstant(day: ClinicDay, minute: number): number {
  if (minute >= 24 * 60) return day.endMs;
  const [first] = wallMinuteInstants(day, minute);
  if (first !== undefined) return first;
  // Only inside a spring-forward gap, a few times a year: let Temporal apply "compatible".
  return Temporal.PlainDate.from(day.date)
    .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toZonedDateTime(day.timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}

/**
 * ISO 8601 with the zone's offset at that instant ("2026-12-01T09:00:00-05:00"). Returned as a
 * function that remembers the offset until the zone's next transition, so formatting an ascending
 * list of instants costs one Temporal lookup per offset change.
 */
export function createOffsetFormatter(timeZone: string): (instant: Date | number) => string {
  let validFromMs = Infinity;
  let validUntilMs = -Infinity;
  let offsetMs = 0;
  let offsetText = "Z";
  return (instant) => {
    const ms = typeof instant === "number" ? instant : instant.getTime();
    if (ms < validFromMs || ms >= validUntilMs) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
      offsetMs = zoned.offsetNanoseconds / NS_PER_MS;
      offsetText = zoned.offset;
      validFromMs = ms;
      validUntilMs = zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity;
    }
    // The wall time is UTC shifted by the offset; toISOString reads it back without the "Z".
    return `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${offsetText}`;
  };
}
