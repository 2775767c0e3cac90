// Lays a loaded schedule out by clinic day and therapist (pure): working hours and breaks become
// the instants they stand for on that date (DST days included), time off and bookings are clipped
// to the day they touch. The pages render this; the "now" marker is placed with placeNow.
import { listClinicDays, wallMinuteToInstant, type ClinicDay } from "@/lib/time/clinic-days";
import type { Schedule, ScheduleBooking } from "./load-schedule";

export interface Interval {
  start: Date;
  end: Date;
}

export interface TherapistDay {
  therapistId: string;
  displayName: string;
  working: Interval[];
  breaks: (Interval & { label: string })[];
  timeOff: (Interval & { reason: string | null })[];
  bookings: ScheduleBooking[];
}

export interface ScheduleDay {
  date: string;
  weekday: number;
  therapists: TherapistDay[];
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, day: ClinicDay) =>
  a.startsAt.getTime() < day.endMs && a.endsAt.getTime() > day.startMs;

export function layOutSchedule(schedule: Schedule): ScheduleDay[] {
  const days = listClinicDays(schedule.from, schedule.to, schedule.timeZone);
  const instant = (day: ClinicDay, minute: number) => new Date(wallMinuteToInstant(day, minute));
  return days.map((day) => ({
    date: day.date,
    weekday: day.weekday,
    therapists: schedule.therapists.map((therapist) => ({
      therapistId: therapist.id,
      displayName: therapist.displayName,
      working: therapist.hours
        .filter((h) => h.weekday === day.weekday)
        .map((h) => ({ start: instant(day, h.startMinute), end: instant(day, h.endMinute) })),
      breaks: therapist.breaks
        .filter((b) => b.weekday === day.weekday)
        .map((b) => ({
          start: instant(day, b.startMinute),
          end: instant(day, b.endMinute),
          label: b.label ?? "Break",
        })),
      timeOff: schedule.timeOff
        .filter((t) => t.therapistId === therapist.id && overlaps(t, day))
        .map((t) => ({
          start: new Date(Math.max(t.startsAt.getTime(), day.startMs)),
          end: new Date(Math.min(t.endsAt.getTime(), day.endMs)),
          reason: t.reason,
        })),
      bookings: schedule.bookings.filter((b) => b.therapistId === therapist.id && overlaps(b, day)),
    })),
  }));
}

export type AgendaItem =
  | { kind: "booking"; at: Date; booking: ScheduleBooking }
  | { kind: "break"; at: Date; end: Date; label: string }
  | { kind: "time-off"; at: Date; end: Date; reason: string | null }
  | { kind: "now"; at: Date };

/** One therapist's day as a list in time order, with "now" placed among the items when it falls on this day. */
export function agendaOf(day: TherapistDay, now: Date | null): AgendaItem[] {
  const items: AgendaItem[] = [
    ...day.bookings.map((booking) => ({ kind: "booking" as const, at: booking.startsAt, booking })),
    ...day.breaks.map((b) => ({ kind: "break" as const, at: b.start, end: b.end, label: b.label })),
    ...day.timeOff.map((t) => ({ kind: "time-off" as const, at: t.start, end: t.end, reason: t.reason })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!now) return items;
  const index = items.findIndex((item) => item.at.getTime() > now.getTime());
  items.splice(index === -1 ? items.length : index, 0, { kind: "now", at: now });
  return items;
}
