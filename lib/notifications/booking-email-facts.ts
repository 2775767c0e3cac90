// The facts every booking email repeats (what, when in the clinic's zone, with whom, where, the
// price, the cancellation terms and the link back), built in one place from the booking row, so a
// confirmation, a reminder, a cancellation and a move never word them differently.
import { cancellationTermsSelect, type CancellationTerms } from "@/lib/booking/cancellation-policy";
import { getClinic } from "@/lib/clinic/get-clinic";
import { getEnv } from "@/lib/env";
import type { BookingFacts } from "./templates/booking-messages";

/** What bookingEmailFacts reads from a booking: select it with the rest of what the caller needs. */
export const bookingEmailSelect = {
  id: true,
  serviceName: true,
  startsAt: true,
  priceCents: true,
  currency: true,
  client: { select: { name: true } },
  therapist: { select: { displayName: true } },
  service: { select: cancellationTermsSelect },
} as const;

export interface BookingEmailRow {
  id: string;
  serviceName: string;
  startsAt: Date;
  priceCents: number;
  currency: string;
  client: { name: string | null };
  therapist: { displayName: string };
  service: CancellationTerms;
}

export function bookingEmailFacts(booking: BookingEmailRow): BookingFacts {
  return {
    bookingId: booking.id,
    clientName: booking.client.name,
    serviceName: booking.serviceName,
    therapistName: booking.therapist.displayName,
    startsAt: booking.startsAt,
    priceCents: booking.priceCents,
    currency: booking.currency,
    timeZone: getClinic().timeZone,
    cancellationTerms: booking.service,
    appUrl: getEnv().APP_URL,
  };
}
