// What every way of making a booking takes and gives back: the client's checkout hold, a payment
// link staff send, and a desk booking (create-booking.ts chooses among them).
import type { Role } from "@/lib/generated/prisma/enums";
import type { ConsentInput } from "@/lib/clinical/consent-signatures";
import type { BookingView } from "./booking-view";
import type { IntakeAnswers } from "./intake";

export interface CreateBookingInput {
  client: { id: string; email: string };
  serviceSlug: string;
  therapistId?: string;
  start: Date;
  intake: IntakeAnswers;
  now?: Date;
  /** A phone booking: the staff member making it on the client's behalf. */
  bookedBy?: { id: string; role: Role };
  /** The client signs the current consent with this booking (their own bookings need it signed). */
  consent?: ConsentInput;
  /** "checkout" (default): a hold paid through Stripe Checkout; "desk": confirmed now, paid at the clinic. */
  payment?: "checkout" | "desk";
}

export interface CreatedBooking {
  booking: BookingView;
  checkoutUrl: string;
  reused: boolean;
}

export interface DeskBooking {
  booking: BookingView;
  checkoutUrl: null;
  reused: boolean;
}

/** Who acts: the staff member booking on the client's behalf, or the client. */
export const actorIdOf = (input: CreateBookingInput) => input.bookedBy?.id ?? input.client.id;
