// The booking as a calendar file (.ics), built with the `ics` library. One stable UID per booking,
// so a later update (a reschedule, a cancellation) changes the same event in the client's calendar.
import { createEvent, type EventAttributes } from "ics";
import { getClinic } from "@/lib/clinic/get-clinic";
import { SYMPTOM_ADVICE_TEXT } from "@/lib/clinical/symptom-advice";
import type { EmailAttachment } from "./enqueue-email";

export interface CalendarBooking {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  therapistName: string;
  // Raised on every change the client is sent, so calendars replace the older copy.
  sequence?: number;
  /** The client, as the event's attendee (an emailed REQUEST names who it is for). */
  attendee?: { name: string | null; email: string };
}

function utcParts(date: Date): [number, number, number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@second-heart-clinic`;
}

/**
 * PUBLISH for a file the client downloads and adds themselves (calendars import it as an event, not
 * as an invitation to answer); REQUEST and CANCEL are for messages that update an event already
 * in the client's calendar, matched by the UID.
 */
export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export function buildBookingCalendar(
  booking: CalendarBooking,
  appUrl: string,
  method: CalendarMethod = "PUBLISH",
): string {
  const cancelled = booking.status === "CANCELLED";
  const attributes: EventAttributes = {
    uid: bookingUid(booking.id),
    sequence: booking.sequence ?? 0,
    method: cancelled && method === "REQUEST" ? "CANCEL" : method,
    productId: "second-heart-clinic/booking",
    start: utcParts(booking.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(booking.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: `${booking.serviceName} at ${getClinic().name}`,
    description: `${booking.serviceName} with ${booking.therapistName}. Manage or cancel: ${appUrl.replace(/\/$/, "")}/account. ${SYMPTOM_ADVICE_TEXT}`,
    location: `${getClinic().name}, ${getClinic().address}`,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: { name: getClinic().name, email: getClinic().email },
    ...(booking.attendee
      ? {
          attendees: [
            {
              name: booking.attendee.name ?? booking.attendee.email,
              email: booking.attendee.email,
              rsvp: false,
              role: "REQ-PARTICIPANT" as const,
              partstat: "ACCEPTED" as const,
            },
          ],
        }
      : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("the calendar file could not be built");
  return value;
}

/**
 * The booking's calendar file as an email attachment: REQUEST adds or updates the event (same UID,
 * higher SEQUENCE), CANCEL removes it. A file that cannot be built is left out (and logged) rather
 * than stopping the change the message is about.
 */
export function calendarAttachments(
  booking: CalendarBooking,
  appUrl: string,
  method: Exclude<CalendarMethod, "PUBLISH">,
): EmailAttachment[] {
  try {
    return [
      {
        filename: method === "CANCEL" ? "cancelled-appointment.ics" : "appointment.ics",
        contentType: `text/calendar; method=${method}; charset=utf-8`,
        content: buildBookingCalendar(booking, appUrl, method),
      },
    ];
  } catch (error) {
    console.warn(
      "[email] the calendar file could not be built; the message goes without it:",
      error instanceof Error ? error.message : String(error),
    );
    return [];
  }
}
