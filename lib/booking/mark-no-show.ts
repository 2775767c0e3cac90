// Staff record that a paid client did not come: CONFIRMED → NO_SHOW, only once the start has
// passed (before that the client may still arrive, or cancel under the policy).
import { Unprocessable } from "@/lib/errors/domain-errors";
import { applyStaffTransition } from "./apply-staff-transition";
import type { Actor } from "@/lib/auth/actor";
import type { BookingView } from "./booking-view";

export function markNoShow(input: { bookingId: string; actor: Actor; now?: Date }): Promise<BookingView> {
  return applyStaffTransition(
    {
      to: "NO_SHOW",
      action: "booking.no_show",
      stamp: () => ({ status: "NO_SHOW" }),
      check: (booking, now) => {
        if (booking.startsAt.getTime() > now.getTime()) {
          throw new Unprocessable("A client can be marked as a no-show only once their appointment has started.");
        }
      },
    },
    input,
  );
}
