// Pay at the desk: a phone or walk-in booking confirmed at once, paid at the clinic.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { loadAvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { prisma } from "@/lib/db";
import { prismaSql } from "@/lib/db/sql";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { deskBookingConfirmedMessage } from "@/lib/notifications/templates/desk-booking-messages";
import { lockBookingParties } from "./booking-locks";
import type { CreateBookingInput, DeskBooking } from "./booking-request";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { cancellationTermsSelect } from "./cancellation-policy";
import { clinicDayOf, findBookableSlot, pickBookableSlot } from "./find-bookable-slot";
import { asBookingConflict, bookingRowOf, releaseHoldsInTheWay } from "./hold-slot";
import type { IntakeAnswers } from "./intake";
import { getClinic } from "@/lib/clinic/get-clinic";

// Pay at the desk: the same checks, then one transaction, in the same queue as every booking
// (lockBookingParties), inserts the CONFIRMED row (the exclusion constraint still guards it) with
// its audit entry and the client's confirmation. A repeat of the same request (a double click)
// finds the booking it made and returns it.
export async function createDeskBooking(input: CreateBookingInput, now: Date): Promise<DeskBooking> {
  const actor = input.bookedBy as { id: string; role: Role };
  const repeat = await findDeskRepeat(prisma, input);
  if (repeat) {
    await runTransaction(prisma, (tx) => keepLatestIntake(tx, repeat.id, input.intake, actor.id));
    return { booking: repeat, checkoutUrl: null, reused: true };
  }
  // A first check for the confirmation text; the transaction checks again under its locks, for the
  // therapist chosen here.
  const slot = await findBookableSlot({
    serviceSlug: input.serviceSlug,
    therapistId: input.therapistId,
    start: input.start,
    now,
  });
  const env = getEnv();
  const client = await prisma.user.findUniqueOrThrow({ where: { id: input.client.id }, select: { name: true } });
  const terms = await prisma.service.findUniqueOrThrow({
    where: { id: slot.service.id },
    select: cancellationTermsSelect,
  });
  // Rendered before the transaction: no locks are held while a template renders.
  const message = await deskBookingConfirmedMessage({
    clientName: client.name,
    serviceName: slot.service.name,
    therapistName: slot.therapistName,
    startsAt: slot.start,
    priceCents: slot.service.priceCents,
    currency: slot.service.currency,
    timeZone: getClinic().timeZone,
    cancellationCutoffHours: terms.freeCancellationHours,
    appUrl: env.APP_URL,
  });
  let made: { bookingId: string } | { repeat: BookingView };
  try {
    made = await runTransaction(prisma, async (tx) => {
      await lockBookingParties(prismaSql(tx), {
        clientId: input.client.id,
        serviceSlug: input.serviceSlug,
        therapistDays: [{ therapistId: slot.therapistId, day: clinicDayOf(slot.start, getClinic().timeZone) }],
      });
      const again = await findDeskRepeat(tx, input);
      if (again) {
        await keepLatestIntake(tx, again.id, input.intake, actor.id);
        return { repeat: again };
      }
      const inputs = await loadAvailabilityInputs({
        serviceSlug: input.serviceSlug,
        therapistId: slot.therapistId,
        from: clinicDayOf(slot.start, getClinic().timeZone),
        to: clinicDayOf(slot.start, getClinic().timeZone),
        now,
        db: prismaSql(tx),
      });
      const current = pickBookableSlot(inputs, { start: input.start, now });
      await releaseHoldsInTheWay(prismaSql(tx), { clientId: null, slot: current, actorId: actor.id });
      const booking = await tx.booking.create({
        data: {
          ...bookingRowOf(input.client.id, current, input.intake),
          status: "CONFIRMED",
          confirmedAt: now,
          payAtDesk: true,
          bookedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "booking.booked_for_client",
        entityType: "Booking",
        entityId: booking.id,
        data: { startsAt: current.start.toISOString(), therapistId: current.therapistId, payment: "desk" },
      });
      await enqueueEmail(tx, {
        toAddress: input.client.email,
        template: "booking-confirmed",
        bookingId: booking.id,
        userId: input.client.id,
        dedupeKey: `booking-confirmed:${booking.id}`,
        ...message,
      });
      return { bookingId: booking.id };
    });
  } catch (error) {
    throw asBookingConflict(error);
  }
  if ("repeat" in made) return { booking: made.repeat, checkoutUrl: null, reused: true };
  invalidateAvailability();
  const row = await prisma.booking.findUniqueOrThrow({ where: { id: made.bookingId }, select: bookingViewSelect });
  return { booking: toBookingView(row), checkoutUrl: null, reused: false };
}

/**
 * A repeat of a desk booking carries the answers just given: staff may have corrected one, and the
 * therapist must see the latest (as a repeated hold does). Audited only when they changed.
 */
async function keepLatestIntake(
  tx: Prisma.TransactionClient,
  bookingId: string,
  intake: IntakeAnswers,
  actorId: string,
): Promise<void> {
  const answers = JSON.stringify(intake);
  const changed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Booking" SET "intake" = ${answers}::jsonb, "updatedAt" = now()
    WHERE "id" = ${bookingId} AND "intake" IS DISTINCT FROM ${answers}::jsonb
    RETURNING "id"`;
  if (changed.length > 0) {
    await recordAudit(tx, { actorId, action: "booking.intake_updated", entityType: "Booking", entityId: bookingId });
  }
}

async function findDeskRepeat(
  db: Pick<Prisma.TransactionClient, "booking">,
  input: CreateBookingInput,
): Promise<BookingView | null> {
  const row = await db.booking.findFirst({
    where: {
      clientId: input.client.id,
      status: "CONFIRMED",
      payAtDesk: true,
      bookedById: input.bookedBy?.id,
      startsAt: input.start,
      service: { slug: input.serviceSlug },
      ...(input.therapistId ? { therapistId: input.therapistId } : {}),
    },
    select: bookingViewSelect,
  });
  return row ? toBookingView(row) : null;
}
