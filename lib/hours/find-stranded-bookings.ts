// Which booked visits a change to a therapist's week would leave outside their time. Pure, and read
// by the availability engine's own rules (compute-slots.ts, wallMinuteToInstant), so what the hours
// form refuses and what the booking page offers can never disagree, DST days included.
import type { WeeklyWindow } from "@/lib/availability/compute-slots";
import { listClinicDays, wallMinuteToInstant } from "@/lib/time/clinic-days";
import { addDays, toWallTime } from "@/lib/time/clinic-time";

export interface TimedBooking {
  startsAt: Date;
  endsAt: Date;
}

export interface TherapistWeek {
  workingHours: readonly WeeklyWindow[];
  breaks: readonly WeeklyWindow[];
  timeOff: readonly { startsAt: Date; endsAt: Date }[];
}

type Interval = [start: number, end: number];

function clinicDateOf(instant: Date, timeZone: string): string {
  const wall = toWallTime(instant, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** Whether the visit fits the week: inside working hours, clear of breaks and time off. */
export function fitsWeek(booking: TimedBooking, week: TherapistWeek, timeZone: string): boolean {
  const start = booking.startsAt.getTime();
  const end = booking.endsAt.getTime();
  // From the day before (its hours may run to midnight and join this day's) to the visit's last day.
  const days = listClinicDays(
    addDays(clinicDateOf(booking.startsAt, timeZone), -1),
    clinicDateOf(new Date(Math.max(start, end - 1)), timeZone),
    timeZone,
  );
  const weekly = (windows: readonly WeeklyWindow[]): Interval[] =>
    days.flatMap((day) =>
      windows
        .filter((window) => window.weekday === day.weekday)
        .map((window): Interval => [
          wallMinuteToInstant(day, window.startMinute),
          wallMinuteToInstant(day, window.endMinute),
        ])
        .filter(([from, to]) => from < to),
    );
  const inHours = joinIntervals(weekly(week.workingHours)).some(([from, to]) => from <= start && end <= to);
  if (!inHours) return false;
  const busy = [
    ...weekly(week.breaks),
    ...week.timeOff.map((off): Interval => [off.startsAt.getTime(), off.endsAt.getTime()]),
  ];
  return !busy.some(([from, to]) => from < end && start < to);
}

/**
 * The visits that fit the week as it stands and would not fit it after the change. A visit that
 * already lies outside the hours (one the clinic placed there on purpose, say by phone) does not
 * block an unrelated change: only the change's own victims are listed.
 */
export function findStrandedBookings<Booking extends TimedBooking>(
  bookings: readonly Booking[],
  change: { before: TherapistWeek; after: TherapistWeek },
  timeZone: string,
): Booking[] {
  return bookings.filter(
    (booking) => fitsWeek(booking, change.before, timeZone) && !fitsWeek(booking, change.after, timeZone),
  );
}

/** The visits whose treatment overlaps a span of time off. */
export function findBookingsDuring<Booking extends TimedBooking>(
  bookings: readonly Booking[],
  span: { startsAt: Date; endsAt: Date },
): Booking[] {
  return bookings.filter(
    (booking) =>
      booking.startsAt.getTime() < span.endsAt.getTime() && span.startsAt.getTime() < booking.endsAt.getTime(),
  );
}

function joinIntervals(intervals: Interval[]): Interval[] {
  const joined: Interval[] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined;
}
