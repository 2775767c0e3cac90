// The clinic's figures for a period, pure: the period itself (clinic dates, checked), each
// therapist's working minutes (weekly hours minus breaks and time off, walked day by day in the
// clinic's zone so a daylight-saving day counts 23 or 25 hours as the clocks do), utilisation, the
// totals, and the CSV cell rule that keeps a spreadsheet from running a cell as a formula.
import { z } from "zod";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { listClinicDays, wallMinuteToInstant } from "@/lib/time/clinic-days";
import { addDays, clinicToday, isSchedulableDate, parseIsoDate } from "@/lib/time/clinic-time";

const MINUTE_MS = 60_000;

/** The longest period a report covers: a year and a day, so "last year" fits in a leap year too. */
export const MAX_REPORT_DAYS = 366;

export const REPORT_STATUSES = [
  "PENDING_PAYMENT",
  "CONFIRMED",
  "CHECKED_IN",
  "COMPLETED",
  "NO_SHOW",
  "CANCELLED",
  "EXPIRED",
] as const satisfies readonly BookingStatus[];

/** The statuses whose minutes count as booked: the therapist's time was given to a client. */
export const BOOKED_TIME_STATUSES: readonly BookingStatus[] = ["CONFIRMED", "CHECKED_IN", "COMPLETED", "NO_SHOW"];

export interface ReportPeriod {
  from: string; // first clinic date, YYYY-MM-DD
  to: string; // last clinic date, inclusive
}

const dateField = (label: string) =>
  z
    .string({ error: `Enter the ${label} date.` })
    .trim()
    .refine((value) => parseIsoDate(value) !== null && isSchedulableDate(value), {
      message: `Enter the ${label} date as YYYY-MM-DD.`,
    });

export const reportPeriodSchema = z
  .object({ from: dateField("first"), to: dateField("last") })
  .refine((period) => period.from <= period.to, {
    message: "The last date must not be before the first.",
    path: ["to"],
  })
  .refine((period) => daysBetween(period.from, period.to) < MAX_REPORT_DAYS, {
    message: `Choose a period of at most ${MAX_REPORT_DAYS} days.`,
    path: ["to"],
  });

/** This calendar month in the clinic's zone: the default period. */
export function currentMonth(timeZone: string, now: Date): ReportPeriod {
  const today = clinicToday(timeZone, now);
  const from = `${today.slice(0, 8)}01`;
  const nextMonthFirst = addDays(from, 40).slice(0, 8) + "01";
  return { from, to: addDays(nextMonthFirst, -1) };
}

/** The period asked for, or this month when nothing was asked; a bad one comes back with its errors. */
export function readReportPeriod(
  query: { from?: string; to?: string },
  timeZone: string,
  now: Date,
):
  { ok: true; period: ReportPeriod } | { ok: false; errors: { from?: string[]; to?: string[] }; period: ReportPeriod } {
  if (!query.from && !query.to) return { ok: true, period: currentMonth(timeZone, now) };
  const parsed = reportPeriodSchema.safeParse(query);
  if (parsed.success) return { ok: true, period: parsed.data };
  return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, period: currentMonth(timeZone, now) };
}

function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export interface WeeklyWindow {
  weekday: number; // 0 = Sunday
  startMinute: number;
  endMinute: number; // up to 1440
}

export interface WorkingSchedule {
  workingHours: readonly WeeklyWindow[];
  breaks: readonly WeeklyWindow[];
  timeOff: readonly { startsAt: Date; endsAt: Date }[];
}

type Interval = [start: number, end: number];

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function totalLength(intervals: Interval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

function overlapLength(windows: Interval[], busy: Interval[]): number {
  let total = 0;
  for (const [start, end] of windows) {
    for (const [busyStart, busyEnd] of busy) total += Math.max(0, Math.min(end, busyEnd) - Math.max(start, busyStart));
  }
  return total;
}

/**
 * Minutes a therapist was due to work over the period: weekly hours on each clinic date, minus
 * weekly breaks and time off, each wall time turned into the instant the clocks showed it.
 */
export function workingMinutes(schedule: WorkingSchedule, period: ReportPeriod, timeZone: string): number {
  const days = listClinicDays(period.from, period.to, timeZone);
  const onDays = (windows: readonly WeeklyWindow[]): Interval[] =>
    days.flatMap((day) =>
      windows
        .filter((window) => window.weekday === day.weekday)
        .map((window): Interval => [
          wallMinuteToInstant(day, window.startMinute),
          wallMinuteToInstant(day, window.endMinute),
        ]),
    );
  const work = merge(onDays(schedule.workingHours));
  const busy = merge([
    ...onDays(schedule.breaks),
    ...schedule.timeOff.map((off): Interval => [off.startsAt.getTime(), off.endsAt.getTime()]),
  ]);
  return Math.round((totalLength(work) - overlapLength(work, busy)) / MINUTE_MS);
}

/** Booked minutes over working minutes; null when no working time was due (nothing to divide by). */
export function utilisation(bookedMinutes: number, working: number): number | null {
  if (working <= 0) return null;
  return bookedMinutes / working;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? "–" : `${Math.round(ratio * 1000) / 10}%`;
}

export interface TherapistFigures {
  therapistId: string;
  name: string;
  bookings: Record<(typeof REPORT_STATUSES)[number], number>;
  bookedMinutes: number;
  workingMinutes: number;
  revenueCents: number;
  deskRevenueCents: number;
  refundCents: number;
}

export interface ReportRow extends TherapistFigures {
  totalBookings: number;
  noShows: number;
  netCents: number;
  utilisation: number | null;
}

export const emptyStatusCounts = (): TherapistFigures["bookings"] =>
  Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as TherapistFigures["bookings"];

export function toReportRow(figures: TherapistFigures): ReportRow {
  return {
    ...figures,
    totalBookings: REPORT_STATUSES.reduce((sum, status) => sum + figures.bookings[status], 0),
    noShows: figures.bookings.NO_SHOW,
    netCents: figures.revenueCents - figures.refundCents,
    utilisation: utilisation(figures.bookedMinutes, figures.workingMinutes),
  };
}

/** The clinic's total: sums, and utilisation as all booked minutes over all working minutes. */
export function totalRow(rows: readonly ReportRow[]): ReportRow {
  const bookings = emptyStatusCounts();
  for (const row of rows) for (const status of REPORT_STATUSES) bookings[status] += row.bookings[status];
  const sum = (pick: (row: ReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return toReportRow({
    therapistId: "total",
    name: "All therapists",
    bookings,
    bookedMinutes: sum((row) => row.bookedMinutes),
    workingMinutes: sum((row) => row.workingMinutes),
    revenueCents: sum((row) => row.revenueCents),
    deskRevenueCents: sum((row) => row.deskRevenueCents),
    refundCents: sum((row) => row.refundCents),
  });
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell a spreadsheet will show as text: one that starts with =, +, -, @, tab or carriage return
 * could be run as a formula (CSV injection), so it gets a leading apostrophe.
 */
export function neutraliseCsvCell(value: string | number): string {
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
