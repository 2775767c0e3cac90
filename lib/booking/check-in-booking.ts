// Staff check a client in when they arrive: CONFIRMED → CHECKED_IN.
import { applyStaffTransition } from "./apply-staff-transition";
import type { Actor } from "@/lib/auth/actor";
import type { BookingView } from "./booking-view";

export function checkInBooking(input: { bookingId: string; actor: Actor; now?: Date }): Promise<BookingView> {
  return applyStaffTransition(
    { to: "CHECKED_IN", action: "booking.checked_in", stamp: (now) => ({ status: "CHECKED_IN", checkedInAt: now }) },
    input,
  );
}
