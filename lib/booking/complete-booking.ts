// Staff close a visit that took place: CHECKED_IN → COMPLETED.
import { applyStaffTransition, type StaffActor } from "./apply-staff-transition";
import type { BookingView } from "./booking-view";

export function completeBooking(input: { bookingId: string; actor: StaffActor; now?: Date }): Promise<BookingView> {
  return applyStaffTransition(
    { to: "COMPLETED", action: "booking.completed", stamp: (now) => ({ status: "COMPLETED", completedAt: now }) },
    input,
  );
}
