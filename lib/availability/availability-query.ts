// What a client may ask availability for: one service, a range of clinic dates of at most
// MAX_RANGE_DAYS days, optionally one therapist. Shared by the API route and the booking page.
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { isSchedulableDate } from "@/lib/time/clinic-time";

export const MAX_RANGE_DAYS = 62;

const isoDate = z.string().refine(isSchedulableDate, { message: "must be a date written YYYY-MM-DD" });

/** Days from `from` to `to`, both included. */
function daysInRange(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(to).days + 1;
}

export const availabilityQuerySchema = z
  .object({
    service: z
      .string()
      .trim()
      .min(1, { message: "choose a treatment" })
      .max(100)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a treatment's slug, such as calf-massage-60" }),
    from: isoDate,
    to: isoDate,
    // Absent or empty means "any therapist".
    therapist: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .superRefine((query, context) => {
    if (!isSchedulableDate(query.from) || !isSchedulableDate(query.to)) return;
    if (query.to < query.from) {
      context.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
    } else if (daysInRange(query.from, query.to) > MAX_RANGE_DAYS) {
      context.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_RANGE_DAYS} days after from` });
    }
  });

export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;
