// Time off is typed in the clinic's zone with datetime-local inputs: from their values to instants
// and back. Kept apart from hours-ranges.ts, which the hours form loads in the browser, so the time
// zone rules stay on the server.
import { parseIsoDate, toWallTime, wallTimeToUtc } from "@/lib/time/clinic-time";

/**
 * A date and time typed in the clinic's zone ("2026-12-01T09:00", as a datetime-local input sends
 * it) → the instant. A time skipped by the spring-forward change moves on by the gap, a repeated
 * one means its first occurrence (wallTimeToUtc). Null when it is not such a value.
 */
export function parseClinicDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (!parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`) || hour > 23 || minute > 59) return null;
  return wallTimeToUtc({ year, month, day, hour, minute }, timeZone);
}

/** An instant → "2026-12-01T09:00" in the clinic's zone, for a datetime-local input. */
export function formatClinicDateTimeInput(instant: Date, timeZone: string): string {
  const wall = toWallTime(instant, timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`;
}
