// Moves a confirmed appointment to another free time of the same service (client or staff): one guarded
// update of the row, so the old time is given up exactly when the new one is taken, and a time taken
// meanwhile is SlotTaken (409) with the booking unchanged. Same service, so the payment carries over.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { prismaSql } from "@/lib/db/sql";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { loadAvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { bookingEmailFacts } from "@/lib/notifications/booking-email-facts";
import { calendarAttachments } from "@/lib/notifications/calendar-event";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bookingRescheduledMessage } from "@/lib/notifications/templates/booking-messages";
import { staffBookingScope } from "./apply-staff-transition";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { isStaffActor } from "./cancel-booking";
import type { Actor } from "@/lib/auth/actor";
import { canRescheduleOnline, cancellationTermsSelect, hoursInWords } from "./cancellation-policy";
import { lockBookingParties } from "./booking-locks";
import { assertPlausibleStart, clinicDayOf, pickBookableSlot } from "./find-bookable-slot";
import { asBookingConflict, releaseHoldsInTheWay } from "./hold-slot";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface RescheduleBookingInput {
  bookingId: string;
  actor: Actor;
  start: Date;
  /** Another therapist who offers the service; by default the same therapist. */
  therapistId?: string;
  now?: Date;
}

export async function rescheduleBooking(input: RescheduleBookingInput): Promise<{ booking: BookingView }> {
  const now = input.now ?? new Date();
  assertPlausibleStart(input.start);
  const env = getEnv();
  const staff = isStaffActor(input.actor);
  // A client moves only their own bookings, a therapist only the ones they give: anyone else's is a 404.
  const booking = await prisma.booking.findFirst({
    where: staff ? staffBookingScope(input.actor, input.bookingId) : { id: input.bookingId, clientId: input.actor.id },
    select: {
      id: true,
      clientId: true,
      status: true,
      startsAt: true,
      therapistId: true,
      service: { select: { slug: true, ...cancellationTermsSelect } },
    },
  });
  if (!booking) throw new NotFound("We couldn't find that appointment.");
  if (booking.status !== "CONFIRMED") {
    throw new InvalidTransition("Only a confirmed appointment can be moved.");
  }
  // Handing a visit to a colleague is the clinic's decision: a therapist moves only their own time.
  if (
    input.actor.role === "THERAPIST" &&
    input.therapistId !== undefined &&
    input.therapistId !== booking.therapistId
  ) {
    throw new Unprocessable("Only an admin can give this appointment to another therapist.", {
      therapist: ["Only an admin can change the therapist."],
    });
  }
  // The client's cut-off is the service's free-cancellation period: later, a move is the clinic's call.
  if (!staff && !canRescheduleOnline(booking.startsAt, now, booking.service.freeCancellationHours)) {
    throw new Unprocessable(
      `This appointment can be moved online up to ${hoursInWords(booking.service.freeCancellationHours)} before it starts. Please call the clinic.`,
    );
  }
  if (
    input.start.getTime() === booking.startsAt.getTime() &&
    (input.therapistId ?? booking.therapistId) === booking.therapistId
  ) {
    throw new Unprocessable("That is the time you already have. Please choose another time.", {
      start: ["Choose a different time."],
    });
  }

  try {
    await runTransaction(prisma, async (tx) => {
      // In the queue of every booking change for this client and both therapists' days; what is read
      // next includes whatever was committed before the locks were granted.
      const therapistId = input.therapistId ?? booking.therapistId;
      const day = clinicDayOf(input.start, getClinic().timeZone);
      // The day it leaves too: a booking waiting for that time reads it free once this commits.
      await lockBookingParties(prismaSql(tx), {
        clientId: booking.clientId,
        serviceSlug: booking.service.slug,
        therapistDays: [
          { therapistId: booking.therapistId, day: clinicDayOf(booking.startsAt, getClinic().timeZone) },
          { therapistId, day },
        ],
      });
      const inputs = await loadAvailabilityInputs({
        serviceSlug: booking.service.slug,
        therapistId,
        from: day,
        to: day,
        now,
        db: prismaSql(tx),
      });
      // The appointment being moved does not stand in its own way (a move by 15 minutes overlaps it).
      const slot = pickBookableSlot(inputs, { start: input.start, now, ignore: (other) => other.id === booking.id });
      await releaseHoldsInTheWay(prismaSql(tx), { clientId: null, slot, actorId: input.actor.id });
      // Guarded on the status and the old time: a cancel or another move in between wins, this loses.
      const moved = await tx.booking.updateMany({
        where: { id: booking.id, status: "CONFIRMED", startsAt: booking.startsAt, therapistId: booking.therapistId },
        data: {
          startsAt: slot.start,
          endsAt: slot.end,
          blockedUntil: slot.blockedUntil,
          therapistId: slot.therapistId,
          // The client's calendar holds the event by its UID: the update carries a higher SEQUENCE.
          calendarSequence: { increment: 1 },
        },
      });
      if (moved.count !== 1) throw new InvalidTransition();
      const row = await tx.booking.findUniqueOrThrow({
        where: { id: booking.id },
        select: {
          serviceName: true,
          priceCents: true,
          currency: true,
          calendarSequence: true,
          clientId: true,
          client: { select: { email: true, name: true } },
          therapist: { select: { displayName: true } },
        },
      });
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "booking.rescheduled",
        entityType: "Booking",
        entityId: booking.id,
        data: {
          by: staff ? "staff" : "client",
          from: booking.startsAt.toISOString(),
          to: slot.start.toISOString(),
          fromTherapistId: booking.therapistId,
          toTherapistId: slot.therapistId,
        },
      });
      await enqueueEmail(tx, {
        toAddress: row.client.email,
        template: "booking-rescheduled",
        bookingId: booking.id,
        userId: row.clientId,
        dedupeKey: `booking-rescheduled:${booking.id}:${row.calendarSequence}`,
        attachments: calendarAttachments(
          {
            id: booking.id,
            status: "CONFIRMED",
            startsAt: slot.start,
            endsAt: slot.end,
            serviceName: row.serviceName,
            therapistName: row.therapist.displayName,
            sequence: row.calendarSequence,
            attendee: row.client,
          },
          env.APP_URL,
          "REQUEST",
        ),
        ...(await bookingRescheduledMessage({
          ...bookingEmailFacts({ ...row, id: booking.id, startsAt: slot.start, service: booking.service }),
          previousStartsAt: booking.startsAt,
        })),
      });
    });
  } catch (error) {
    throw asBookingConflict(error);
  }
  invalidateAvailability();
  const row = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingViewSelect });
  return { booking: toBookingView(row) };
}
