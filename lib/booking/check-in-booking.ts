// Staff check a client in when they arrive: CONFIRMED → CHECKED_IN.
import { applyStaffTransition, type StaffActor } from "./apply-staff-transition";
import type { BookingView } from "./booking-view";

export function checkInBooking(input: { bookingId: string; actor: StaffActor; now?: Date }): Promise<BookingView> {
  return applyStaffTransition(
    { to: "CHECKED_IN", action: "booking.checked_in", stamp: (now) => ({ status: "CHECKED_IN", checkedInAt: now }) },
    input,
  );
}
