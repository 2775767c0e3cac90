// Time off is typed in the clinic's zone with datetime-local inputs: from their values to instants.
// Kept apart from hours-ranges.ts, which the hours form loads in the browser, so the time
// zone rules stay on the server.
import { parseIsoDate, wallTimeToUtc } from "@/lib/time/clinic-time";

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
