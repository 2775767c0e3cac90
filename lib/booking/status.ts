// The booking status machine, in one place. Every status change in the app is a guarded update
// (`WHERE status = <from>`) along one of these edges; the exclusion constraint's WHERE clause must
// list exactly ACTIVE_STATUSES (a database test compares them).
import type { BookingStatus } from "@/lib/generated/prisma/enums";

// UI code takes the type from here, not from the generated database client.
export type { BookingStatus };

/** Statuses that occupy the therapist's time: a hold, a confirmed or a checked-in visit. */
export const ACTIVE_STATUSES = [
  "PENDING_PAYMENT",
  "CONFIRMED",
  "CHECKED_IN",
] as const satisfies readonly BookingStatus[];

/** Statuses a booking never leaves. */
export const FINAL_STATUSES = [
  "COMPLETED",
  "CANCELLED",
  "NO_SHOW",
  "EXPIRED",
] as const satisfies readonly BookingStatus[];

export const TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  // Paid (webhook or success page), cancelled by the client or staff, or the hold ran out.
  PENDING_PAYMENT: ["CONFIRMED", "CANCELLED", "EXPIRED"],
  CONFIRMED: ["CHECKED_IN", "CANCELLED", "NO_SHOW"],
  CHECKED_IN: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
  EXPIRED: [],
};

export function isActiveStatus(status: BookingStatus): boolean {
  return (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses from which `to` can be reached: the guard of a transition's WHERE clause. */
export function statusesLeadingTo(to: BookingStatus): BookingStatus[] {
  return (Object.keys(TRANSITIONS) as BookingStatus[]).filter((from) => canTransition(from, to));
}
