// Reading availability slots in the clinic's zone, in the browser as on the server: which clinic day
// a slot falls on, its wall-clock hour, and the calendar's local dates standing for clinic days.

export interface Slot {
  start: string;
  end: string;
  therapistId: string;
  therapistName: string;
}

export interface AvailabilityResponse {
  timeZone: string;
  slots: Slot[];
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: Date, timeZone: string): Record<string, string> {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The clinic calendar day (YYYY-MM-DD) an instant falls on. */
export function clinicDateOf(instant: Date, timeZone: string): string {
  const parts = partsIn(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The wall-clock hour (0-23) in the clinic's zone. */
export function clinicHourOf(instant: Date, timeZone: string): number {
  return Number(partsIn(instant, timeZone).hour);
}

/** "2026-12-01T09:00:00-05:00": the instant as the clinic's clocks show it, with their offset. */
export function clinicIsoOf(instant: Date, timeZone: string): string {
  const parts = partsIn(instant, timeZone);
  const offset = (parts.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00";
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export type DayPart = "morning" | "afternoon" | "evening";

export const DAY_PARTS: { part: DayPart; label: string }[] = [
  { part: "morning", label: "Morning" },
  { part: "afternoon", label: "Afternoon" },
  { part: "evening", label: "Evening" },
];

export function dayPartOf(instant: Date, timeZone: string): DayPart {
  const hour = clinicHourOf(instant, timeZone);
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

/** Slots grouped by clinic day: date → slots in time order. */
export function slotsByDay(slots: Slot[], timeZone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const date = clinicDateOf(new Date(slot.start), timeZone);
    const list = days.get(date);
    if (list) list.push(slot);
    else days.set(date, [slot]);
  }
  return days;
}

export function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

// The calendar works in the browser's local dates; a local noon stands for a clinic calendar day,
// whatever the browser's own zone, so no conversion can move it across midnight.
export function localDateOf(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
}

export function isoDateOf(local: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** First and last day (YYYY-MM-DD) of the month a local date is in. */
export function monthBounds(local: Date): { first: string; last: string } {
  const first = new Date(local.getFullYear(), local.getMonth(), 1, 12);
  const last = new Date(local.getFullYear(), local.getMonth() + 1, 0, 12);
  return { first: isoDateOf(first), last: isoDateOf(last) };
}

export function addMonths(local: Date, months: number): Date {
  return new Date(local.getFullYear(), local.getMonth() + months, 1, 12);
}
