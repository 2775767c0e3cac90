// The thin shell around the availability engine: settings and the clock in, one database read,
// the pure computation, and times written with the clinic's offset for the API and the pages.
import { getEnv } from "@/lib/env";
import { createOffsetFormatter } from "@/lib/time/clinic-days";
import type { AvailabilityQuery } from "./availability-query";
import { bookableDates, computeSlots, type SlotRules } from "./compute-slots";
import { loadAvailabilityInputs } from "./load-availability-inputs";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface AvailableSlot {
  start: string; // ISO 8601 with the clinic's offset, e.g. 2026-12-01T09:00:00-05:00
  end: string;
  therapistId: string;
  therapistName: string;
}

export interface Availability {
  timeZone: string;
  slots: AvailableSlot[];
}

export function slotRulesFromEnv(): SlotRules {
  const env = getEnv();
  return {
    timeZone: getClinic().timeZone,
    minNoticeMinutes: env.BOOKING_MIN_NOTICE_MINUTES,
    horizonDays: env.BOOKING_HORIZON_DAYS,
    gridMinutes: env.BOOKING_SLOT_GRID_MINUTES,
  };
}

export async function getAvailability(query: AvailabilityQuery, now = new Date()): Promise<Availability> {
  const rules = slotRulesFromEnv();
  // Read only the days that can be offered; a range wholly in the past or beyond the horizon
  // still reads one day, so an unknown service or therapist is a 404 whatever the dates.
  const bookable = bookableDates(now, rules);
  const from = query.from > bookable.first ? query.from : bookable.first;
  const to = query.to < bookable.last ? query.to : bookable.last;
  const range = from <= to ? { from, to } : { from: query.from, to: query.from };

  const inputs = await loadAvailabilityInputs({
    serviceSlug: query.service,
    therapistId: query.therapist,
    ...range,
    timeZone: rules.timeZone,
    now,
  });
  const slots = computeSlots({ ...inputs, ...range, now, rules });
  const format = createOffsetFormatter(rules.timeZone);
  return {
    timeZone: rules.timeZone,
    slots: slots.map((slot) => ({
      start: format(slot.start),
      end: format(slot.end),
      therapistId: slot.therapistId,
      therapistName: slot.therapistName,
    })),
  };
}
