// The booking choice lives in the /book URL, so a reload, the back button or a trip through sign-in
// keeps it. Only the choice goes in the URL: health answers never do (see intake-storage.ts).

export const BOOKING_STEPS = ["service", "therapist", "date", "time", "health", "account", "review"] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

export const ANY_THERAPIST = "any";

export interface BookingChoice {
  service?: string; // service slug
  therapist?: string; // therapist slug, or "any"
  date?: string; // YYYY-MM-DD in the clinic's zone
  start?: string; // ISO instant with offset, as the availability API gave it
  with?: string; // the therapist slug the slot was assigned to, when therapist is "any"
  step?: BookingStep; // asks for an earlier step than the first one still open ("Change")
}

/** Set on the URL by the flow itself, never part of the choice. */
export interface BookingNotices {
  taken?: string; // the start that was taken between choosing it and paying
  booking?: string; // a held booking the client came back to from Checkout without paying
  cancelled?: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// 2026-12-01T09:00:00-05:00, 2026-12-01T14:00:00.000Z: an instant that names its offset.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

function matching(value: string | undefined, pattern: RegExp): string | undefined {
  return value !== undefined && value.length <= 100 && pattern.test(value) ? value : undefined;
}

export function isValidInstant(value: string | undefined): value is string {
  return value !== undefined && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** The choice as far as it is well formed: anything malformed, and everything after it, is dropped. */
export function parseBookingChoice(params: SearchParams): BookingChoice {
  const service = matching(single(params, "service"), SLUG);
  if (!service) return {};
  const therapist = matching(single(params, "therapist"), SLUG);
  const step = BOOKING_STEPS.find((name) => name === single(params, "step"));
  if (!therapist) return { service, step };
  const date = matching(single(params, "date"), ISO_DATE);
  if (!date) return { service, therapist, step };
  const startValue = single(params, "start");
  const start = isValidInstant(startValue) ? startValue : undefined;
  if (!start) return { service, therapist, date, step };
  const assigned = therapist === ANY_THERAPIST ? matching(single(params, "with"), SLUG) : undefined;
  return { service, therapist, date, start, ...(assigned ? { with: assigned } : {}), step };
}

export function parseBookingNotices(params: SearchParams): BookingNotices {
  const taken = single(params, "taken");
  return {
    taken: isValidInstant(taken) ? taken : undefined,
    booking: matching(single(params, "booking"), ID),
    cancelled: single(params, "cancelled") === "1",
  };
}

/** /book with this choice (and notices), parameters in a fixed order so URLs compare equal. */
export function bookingHref(choice: BookingChoice, notices: BookingNotices = {}): string {
  const query = new URLSearchParams();
  if (choice.service) query.set("service", choice.service);
  if (choice.therapist) query.set("therapist", choice.therapist);
  if (choice.date) query.set("date", choice.date);
  if (choice.start) query.set("start", choice.start);
  if (choice.with) query.set("with", choice.with);
  if (choice.step) query.set("step", choice.step);
  if (notices.taken) query.set("taken", notices.taken);
  if (notices.booking) query.set("booking", notices.booking);
  if (notices.cancelled) query.set("cancelled", "1");
  const text = query.toString();
  return text ? `/book?${text}` : "/book";
}

/** The first step whose choice is still missing. */
export function firstOpenStep(choice: BookingChoice): BookingStep {
  if (!choice.service) return "service";
  if (!choice.therapist) return "therapist";
  if (!choice.date) return "date";
  if (!choice.start) return "time";
  return "health";
}

/**
 * The step to show: the first open one, or an earlier one the URL asks for (to change a choice), or,
 * once everything is chosen, the health questions, the account step or the review.
 */
export function currentStep(choice: BookingChoice, signedIn: boolean): BookingStep {
  const open = firstOpenStep(choice);
  const requested = choice.step;
  const index = (step: BookingStep) => BOOKING_STEPS.indexOf(step);
  if (requested && index(requested) < index(open)) return requested;
  if (open !== "health") return open;
  if (requested === "review" || requested === "account") return signedIn ? "review" : "account";
  return "health";
}

/** The choice kept up to (and including) a step, for "Change" links: later choices are kept too, so
 *  the calendar still shows the chosen day, but the URL asks for that step. */
export function changeHref(choice: BookingChoice, step: BookingStep): string {
  return bookingHref({ ...choice, step });
}
