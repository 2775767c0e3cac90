// Whether a start time can be booked online, checked against the same availability the booking
// page showed (grid, notice, horizon, hours, free): the one check behind createBooking and
// rescheduleBooking. "Any therapist" is assigned the way the page assigned it. Bookings the caller
// is about to replace (a client's own earlier hold, the appointment being moved) are left out.
import { computeSlots, type BookedTime, type Slot } from "@/lib/availability/compute-slots";
import { slotRulesFromEnv } from "@/lib/availability/get-availability";
import { loadAvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { NotFound, SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import { addDays, clinicToday, toWallTime } from "@/lib/time/clinic-time";

const MINUTE_MS = 60_000;

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

export async function findBookableSlot(query: BookableSlotQuery): Promise<BookableSlot> {
  const rules = slotRulesFromEnv();
  const { start, now } = query;
  const reject = (message: string): never => {
    throw new Unprocessable(message, { start: [message] });
  };
  const wall = toWallTime(start, rules.timeZone);
  const day = `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
  // First what is asked for: an unknown treatment, or a therapist who does not offer it, is a 404
  // whatever the time.
  const inputs = await loadAvailabilityInputs({
    serviceSlug: query.serviceSlug,
    therapistId: query.therapistId,
    from: day,
    to: day,
    now,
  });
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

export interface SlotStillOfferedQuery {
  serviceSlug: string;
  therapistId: string;
  start: Date;
  now: Date;
  db: NonNullable<Parameters<typeof loadAvailabilityInputs>[0]["db"]>;
}

/**
 * The same hours check, made again inside the booking's own transaction, after its row is written.
 * findBookableSlot runs before the transaction, so an admin's change to the therapist's hours, time
 * off or services could commit in between and strand the new booking. Writing the booking took a
 * key-share lock on the therapist and service rows (the foreign-key check), which an admin's change
 * (lib/staff/upcoming-bookings.ts locks them FOR UPDATE) must wait for, and waited for any change
 * already under way: so this read, a new statement in READ COMMITTED, sees every change that could
 * conflict. If the time is no longer offered, throwing rolls the booking back.
 */
export async function assertSlotStillOffered(query: SlotStillOfferedQuery): Promise<void> {
  // A move within one therapist's day changes no foreign key, so no lock was taken by the write:
  // take the same key-share lock explicitly (it conflicts only with the admin's FOR UPDATE).
  await query.db.$queryRaw`
    SELECT t."id" FROM "Therapist" t, "Service" s
    WHERE t."id" = ${query.therapistId} AND s."slug" = ${query.serviceSlug}
    FOR KEY SHARE`;
  const rules = slotRulesFromEnv();
  const wall = toWallTime(query.start, rules.timeZone);
  const day = `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
  const inputs = await loadAvailabilityInputs({
    serviceSlug: query.serviceSlug,
    therapistId: query.therapistId,
    from: day,
    to: day,
    now: query.now,
    db: query.db,
    withBookings: false,
  }).catch((error: unknown) => {
    if (error instanceof NotFound) throw new SlotNoLongerOffered();
    throw error;
  });
  const slots = computeSlots({
    service: inputs.service,
    therapists: inputs.therapists,
    from: day,
    to: day,
    now: query.now,
    rules,
    bookings: [],
  });
  if (!slots.some((slot) => slot.start.getTime() === query.start.getTime())) throw new SlotNoLongerOffered();
}

/** The clinic changed the therapist's hours or the treatment while this booking was being made. */
export class SlotNoLongerOffered extends Unprocessable {
  constructor() {
    const message =
      "That time is no longer offered: the clinic has just changed its hours. Please choose another time.";
    super(message, { start: [message] });
  }
}

function formatNotice(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}
