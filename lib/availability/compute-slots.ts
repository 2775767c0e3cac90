// The availability engine's pure core: bookable start times for one service. It never reads the
// clock, the database, the settings or the server's time zone, so the same input always gives the
// same slots. The clinic's rules are listed at computeSlots.
import { clinicToday, addDays } from "@/lib/time/clinic-time";
import { listClinicDays, wallMinuteInstants, wallMinuteToInstant, type ClinicDay } from "@/lib/time/clinic-days";
import { assignmentKey, compareAssignment, type AssignmentKey } from "./assign-therapist";
import { isBlockingBooking, type BookedTime } from "./blocking-booking";

export type { BookedTime } from "./blocking-booking";

const MINUTE_MS = 60_000;

/** Weekly hours or a weekly break: minutes after local midnight in the clinic's zone, 0 = Sunday. */
export interface WeeklyWindow {
  weekday: number;
  startMinute: number;
  endMinute: number; // up to 1440
}

export interface TherapistSchedule {
  id: string;
  name: string;
  workingHours: readonly WeeklyWindow[];
  breaks: readonly WeeklyWindow[];
  timeOff: readonly { startsAt: Date; endsAt: Date }[];
}

export interface SlotRules {
  timeZone: string; // IANA, e.g. America/New_York
  minNoticeMinutes: number;
  horizonDays: number;
  gridMinutes: number;
}

export interface ComputeSlotsInput {
  service: { durationMinutes: number; bufferMinutes: number };
  therapists: readonly TherapistSchedule[];
  // Any bookings of these therapists around the range; inactive ones and expired holds are ignored.
  bookings: readonly BookedTime[];
  from: string; // first clinic date asked for, YYYY-MM-DD
  to: string; // last clinic date asked for, inclusive
  now: Date;
  rules: SlotRules;
}

export interface Slot {
  start: Date;
  end: Date; // start + duration (the buffer is the clinic's business, not the client's)
  therapistId: string;
  therapistName: string;
}

type Interval = [start: number, end: number];

/** The clinic dates a client may book: today through today + horizon days. */
export function bookableDates(now: Date, rules: Pick<SlotRules, "timeZone" | "horizonDays">) {
  const first = clinicToday(rules.timeZone, now);
  return { first, last: addDays(first, rules.horizonDays) };
}

/**
 * Bookable start times from each therapist's weekly hours and breaks, minus time off, minus active
 * bookings with their buffers, minus the minimum notice, up to the horizon, on a wall-clock grid in
 * the clinic's zone. `now` and the rules come in as parameters.
 *
 * Rules, in the clinic's words:
 * - The treatment itself [start, start + duration) must fit inside working hours and must not
 *   touch a break or time off; the clean-up buffer after it may run past closing time, into a
 *   break or into time off (the therapist tidies up, no client is waiting).
 * - Against other bookings the buffer counts: [start, start + duration + buffer) must not overlap
 *   any active booking's [startsAt, blockedUntil), which already holds that booking's own buffer.
 * - Start times sit on the grid of the clinic's wall clock (every 15 minutes from local midnight).
 *   Each wall time becomes every instant at which the clocks show it: none inside a spring-forward
 *   gap, two inside a fall-back repeat. So a DST day offers exactly the real hours' slots, never
 *   one twice. Working-hour boundaries are read like wallTimeToUtc (a repeated time means its first
 *   occurrence, a skipped one moves forward by the gap); 24:00 is the next day's start.
 * - Adjacent or overlapping hours of one therapist join up, so 9-12 and 12-17 allow 11:30-12:30.
 * - The horizon counts clinic days: with 60 days, every slot on today + 60 days is still offered.
 * - "Any therapist": one slot per start time, given by assign-therapist.ts.
 */
export function computeSlots(input: ComputeSlotsInput): Slot[] {
  assertValidInput(input);
  const { rules, now, service } = input;
  const bookable = bookableDates(now, rules);
  const from = input.from > bookable.first ? input.from : bookable.first;
  const to = input.to < bookable.last ? input.to : bookable.last;
  if (from > to || input.therapists.length === 0) return [];

  const days = listClinicDays(from, to, rules.timeZone);
  const grid = buildGrid(days, rules.gridMinutes);
  const durationMs = service.durationMinutes * MINUTE_MS;
  const bufferMs = service.bufferMinutes * MINUTE_MS;
  const earliestStartMs = now.getTime() + rules.minNoticeMinutes * MINUTE_MS;
  const bookingsByTherapist = groupBlockingBookings(input.bookings, now);

  // For each therapist: the grid positions where the treatment fits, ascending.
  const startsByTherapist = input.therapists.map((therapist) => {
    const windows = mergeIntervals(weeklyIntervals(days, therapist.workingHours));
    const busy = mergeIntervals([
      ...weeklyIntervals(days, therapist.breaks),
      ...therapist.timeOff.map((off): Interval => [off.startsAt.getTime(), off.endsAt.getTime()]),
      // Moving each booking's start back by the new slot's buffer lets one test cover both
      // "the treatment overlaps it" and "the buffer after the treatment runs into it".
      ...(bookingsByTherapist.get(therapist.id) ?? []).map((booking): Interval => [
        booking.startsAt.getTime() - bufferMs,
        booking.blockedUntil.getTime(),
      ]),
    ]);
    const positions: number[] = [];
    for (const [freeStart, freeEnd] of subtractIntervals(windows, busy)) {
      const latestStart = freeEnd - durationMs;
      let index = lowerBound(grid.starts, Math.max(freeStart, earliestStartMs));
      while (index < grid.starts.length && (grid.starts[index] as number) <= latestStart) positions.push(index++);
    }
    return positions;
  });

  const keys = assignmentKeysByDay(input.therapists, days, bookingsByTherapist);
  return mergeAssigned(startsByTherapist, (therapistIndex, position) => {
    const dayIndex = grid.dayIndex[position] as number;
    return (keys[therapistIndex] as AssignmentKey[])[dayIndex] as AssignmentKey;
  }).map(([therapistIndex, position]) => {
    const therapist = input.therapists[therapistIndex] as TherapistSchedule;
    const start = grid.starts[position] as number;
    return {
      start: new Date(start),
      end: new Date(start + durationMs),
      therapistId: therapist.id,
      therapistName: therapist.name,
    };
  });
}

function assertValidInput(input: ComputeSlotsInput): void {
  const { service, rules } = input;
  if (!Number.isInteger(service.durationMinutes) || service.durationMinutes <= 0) {
    throw new RangeError(`service duration must be a positive number of minutes: ${service.durationMinutes}`);
  }
  if (!Number.isInteger(service.bufferMinutes) || service.bufferMinutes < 0) {
    throw new RangeError(`service buffer must be zero or more minutes: ${service.bufferMinutes}`);
  }
  if (!Number.isInteger(rules.gridMinutes) || rules.gridMinutes <= 0 || 1440 % rules.gridMinutes !== 0) {
    throw new RangeError(`the slot grid must divide a day into whole minutes: ${rules.gridMinutes}`);
  }
}

// Every grid start of every day, ascending, with the day each belongs to.
function buildGrid(days: readonly ClinicDay[], gridMinutes: number) {
  const starts: number[] = [];
  const dayIndex: number[] = [];
  days.forEach((day, index) => {
    const first = starts.length;
    for (let minute = 0; minute < 24 * 60; minute += gridMinutes) {
      for (const instant of wallMinuteInstants(day, minute)) {
        starts.push(instant);
        dayIndex.push(index);
      }
    }
    // A fall-back day lists a repeated wall time's two instants together: put the day in order.
    if (day.runs.length > 1) {
      const sorted = starts.slice(first).sort((a, b) => a - b);
      starts.splice(first, sorted.length, ...sorted);
    }
  });
  return { starts, dayIndex };
}

function weeklyIntervals(days: readonly ClinicDay[], windows: readonly WeeklyWindow[]): Interval[] {
  const intervals: Interval[] = [];
  for (const day of days) {
    for (const window of windows) {
      if (window.weekday !== day.weekday) continue;
      const start = wallMinuteToInstant(day, window.startMinute);
      const end = wallMinuteToInstant(day, window.endMinute);
      if (start < end) intervals.push([start, end]);
    }
  }
  return intervals;
}

function groupBlockingBookings(bookings: readonly BookedTime[], now: Date): Map<string, BookedTime[]> {
  const byTherapist = new Map<string, BookedTime[]>();
  for (const booking of bookings) {
    if (!isBlockingBooking(booking, now)) continue;
    const list = byTherapist.get(booking.therapistId);
    if (list) list.push(booking);
    else byTherapist.set(booking.therapistId, [booking]);
  }
  return byTherapist;
}

// keys[therapist][day]: how that therapist ranks for "any therapist" on that day.
function assignmentKeysByDay(
  therapists: readonly TherapistSchedule[],
  days: readonly ClinicDay[],
  bookingsByTherapist: Map<string, BookedTime[]>,
): AssignmentKey[][] {
  const dayStarts = days.map((day) => day.startMs);
  const rangeEnd = days[days.length - 1]?.endMs ?? 0;
  return therapists.map((therapist) => {
    const counts = days.map(() => 0);
    for (const booking of bookingsByTherapist.get(therapist.id) ?? []) {
      const at = booking.startsAt.getTime();
      if (at < (dayStarts[0] ?? 0) || at >= rangeEnd) continue;
      const dayIndex = lowerBound(dayStarts, at + 1) - 1;
      counts[dayIndex] = (counts[dayIndex] ?? 0) + 1;
    }
    return days.map((day, index) => assignmentKey(day.date, therapist.id, counts[index] ?? 0));
  });
}

// A k-way merge of the therapists' ascending grid positions: one entry per start time, held by
// the therapist whose key ranks first.
function mergeAssigned(
  startsByTherapist: readonly number[][],
  keyOf: (therapistIndex: number, position: number) => AssignmentKey,
): [therapistIndex: number, position: number][] {
  const heads = startsByTherapist.map(() => 0);
  const merged: [number, number][] = [];
  for (;;) {
    let position = Infinity;
    startsByTherapist.forEach((positions, therapistIndex) => {
      const next = positions[heads[therapistIndex] as number];
      if (next !== undefined && next < position) position = next;
    });
    if (position === Infinity) return merged;
    let chosen = -1;
    startsByTherapist.forEach((positions, therapistIndex) => {
      if (positions[heads[therapistIndex] as number] !== position) return;
      heads[therapistIndex] = (heads[therapistIndex] as number) + 1;
      if (chosen < 0 || compareAssignment(keyOf(therapistIndex, position), keyOf(chosen, position)) < 0) {
        chosen = therapistIndex;
      }
    });
    merged.push([chosen, position]);
  }
}

/** Sorted, with overlapping or touching intervals joined. */
function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => start < end).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The parts of `windows` that no `busy` interval covers; both sorted and merged. */
function subtractIntervals(windows: readonly Interval[], busy: readonly Interval[]): Interval[] {
  const free: Interval[] = [];
  let next = 0;
  for (const [windowStart, windowEnd] of windows) {
    let cursor = windowStart;
    while (next < busy.length && (busy[next] as Interval)[1] <= cursor) next++;
    for (let index = next; index < busy.length; index++) {
      const [busyStart, busyEnd] = busy[index] as Interval;
      if (busyStart >= windowEnd) break;
      if (busyStart > cursor) free.push([cursor, busyStart]);
      cursor = Math.max(cursor, busyEnd);
      if (cursor >= windowEnd) break;
    }
    if (cursor < windowEnd) free.push([cursor, windowEnd]);
  }
  return free;
}

/** The first index whose value is >= target. */
function lowerBound(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
