// Whether a start time can be booked online, checked against the same availability the booking
// page showed (grid, notice, horizon, hours, free): the one check behind createBooking and
// rescheduleBooking. "Any therapist" is assigned the way the page assigned it. Bookings the caller
// is about to replace (a client's own earlier hold, the appointment being moved) are left out.
import { computeSlots, type BookedTime, type Slot } from "@/lib/availability/compute-slots";
import { slotRulesFromEnv } from "@/lib/availability/get-availability";
import { loadAvailabilityInputs, type AvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import { addDays, clinicToday, toWallTime } from "@/lib/time/clinic-time";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface BookableSlot extends Slot {
  blockedUntil: Date;
  service: { id: string; name: string; durationMinutes: number; priceCents: number; currency: string };
}

export interface BookableSlotQuery {
  serviceSlug: string;
  therapistId?: string;
  start: Date;
  now: Date;
  /** Bookings that do not count against the start: they are released or moved in the same change. */
  ignore?: (booking: BookedTime) => boolean;
}

/** The clinic date a start falls on, YYYY-MM-DD in the clinic's zone. */
export function clinicDayOf(start: Date, timeZone: string): string {
  const wall = toWallTime(start, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/**
 * Refuses, before any read, a start no schedule could hold: in the past, or past the booking
 * horizon (with a day to spare for the zone). What is left is checked against the day's
 * availability; what is refused here (year 0000 or 9999 included) never reaches the date code.
 */
export function assertPlausibleStart(start: Date, now: Date): void {
  const rules = slotRulesFromEnv();
  if (start.getTime() <= now.getTime()) {
    const message = "That time has already passed. Please choose a later time.";
    throw new Unprocessable(message, { start: [message] });
  }
  if (start.getTime() > now.getTime() + (rules.horizonDays + 2) * DAY_MS) {
    const message = `Online booking opens ${rules.horizonDays} days ahead. Please choose an earlier date.`;
    throw new Unprocessable(message, { start: [message] });
  }
}

export async function findBookableSlot(query: BookableSlotQuery): Promise<BookableSlot> {
  const day = clinicDayOf(query.start, slotRulesFromEnv().timeZone);
  // First what is asked for: an unknown treatment, or a therapist who does not offer it, is a 404
  // whatever the time.
  const inputs = await loadAvailabilityInputs({
    serviceSlug: query.serviceSlug,
    therapistId: query.therapistId,
    from: day,
    to: day,
    now: query.now,
  });
  return pickBookableSlot(inputs, query);
}

/**
 * The same decision on inputs already read (a booking transaction reads them after its locks):
 * the slot at `start`, or why not (Unprocessable for a time never offered, SlotTaken when
 * someone else holds it).
 */
export function pickBookableSlot(
  inputs: Pick<AvailabilityInputs, "service" | "therapists" | "bookings">,
  query: Omit<BookableSlotQuery, "serviceSlug" | "therapistId">,
): BookableSlot {
  const rules = slotRulesFromEnv();
  const { start, now } = query;
  const reject = (message: string): never => {
    throw new Unprocessable(message, { start: [message] });
  };
  const wall = toWallTime(start, rules.timeZone);
  const day = clinicDayOf(start, rules.timeZone);
  if (start.getTime() <= now.getTime()) reject("That time has already passed. Please choose a later time.");
  if (start.getTime() < now.getTime() + rules.minNoticeMinutes * MINUTE_MS) {
    reject(
      `Online bookings need at least ${formatNotice(rules.minNoticeMinutes)} notice. Please choose a later time, or call us.`,
    );
  }
  if (wall.minute % rules.gridMinutes !== 0 || start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0) {
    reject(`Appointments start every ${rules.gridMinutes} minutes. Please choose one of the times offered.`);
  }
  if (day > addDays(clinicToday(rules.timeZone, now), rules.horizonDays)) {
    reject(`Online booking opens ${rules.horizonDays} days ahead. Please choose an earlier date.`);
  }
  const base = { service: inputs.service, therapists: inputs.therapists, from: day, to: day, now, rules };
  const atStart = (slots: Slot[]) => slots.find((slot) => slot.start.getTime() === start.getTime());
  const ignore = query.ignore ?? (() => false);
  const others = inputs.bookings.filter((booking) => !ignore(booking));
  const slot = atStart(computeSlots({ ...base, bookings: others }));
  if (!slot) {
    // Free of bookings it would fit: someone else holds it. Otherwise it was never bookable.
    if (atStart(computeSlots({ ...base, bookings: [] }))) throw new SlotTaken();
    reject("That time is outside our opening hours for this treatment. Please choose one of the times offered.");
  }
  const found = slot as Slot;
  return {
    ...found,
    blockedUntil: new Date(found.end.getTime() + inputs.service.bufferMinutes * MINUTE_MS),
    service: inputs.service,
  };
}

function formatNotice(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}
