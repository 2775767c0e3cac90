// Staff close a visit that took place: CHECKED_IN → COMPLETED, with the client's aftercare email
// (the service's guide and a link to book again) in the same transaction.
import { enqueueAftercare } from "@/lib/notifications/enqueue-aftercare";
import { applyStaffTransition } from "./apply-staff-transition";
import type { Actor } from "@/lib/auth/actor";
import type { BookingView } from "./booking-view";

export function completeBooking(input: { bookingId: string; actor: Actor; now?: Date }): Promise<BookingView> {
  return applyStaffTransition(
    {
      to: "COMPLETED",
      action: "booking.completed",
      stamp: (now) => ({ status: "COMPLETED", completedAt: now }),
      afterChange: enqueueAftercare,
    },
    input,
  );
}
