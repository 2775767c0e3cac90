// Holds a slot and opens its checkout: the one path for the booking page's Server Action and for
// POST /api/bookings. In order:
//  1. screening: a red flag ends here, with nothing stored but an audit entry without the answers;
//  2. a repeat of a live request (same client, service and start) returns the same booking and
//     checkout instead of a 409;
//  3. the start is checked against the same availability the page showed (grid, notice, horizon,
//     hours, free), and "any therapist" is assigned the way the page assigned it;
//  4. one transaction expires lapsed holds in the way and inserts the PENDING_PAYMENT row; the
//     exclusion constraint is the guarantee, and its 23P01 becomes SlotTaken (409), never a 500;
//  5. the Checkout Session is created with the booking's idempotency key, outside the transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { computeSlots, type Slot } from "@/lib/availability/compute-slots";
import { slotRulesFromEnv } from "@/lib/availability/get-availability";
import { loadAvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { prisma } from "@/lib/db";
import { isExclusionViolation, isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { IntakeBlocked, PaymentsUnavailable, SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import { createCheckoutSession } from "@/lib/payments/checkout";
import { clinicToday, addDays, toWallTime } from "@/lib/time/clinic-time";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { expireLapsedHoldsOverlapping } from "./expire-booking-hold";
import { screenIntake, type IntakeAnswers } from "./intake";

export interface CreateBookingInput {
  client: { id: string; email: string };
  serviceSlug: string;
  therapistId?: string;
  start: Date;
  intake: IntakeAnswers;
  now?: Date;
}

export interface CreatedBooking {
  booking: BookingView;
  checkoutUrl: string;
  reused: boolean;
}

const MINUTE_MS = 60_000;
const HOLD_MARGIN_MINUTES = 2;

export async function createBooking(input: CreateBookingInput): Promise<CreatedBooking> {
  const now = input.now ?? new Date();
  const screening = screenIntake(input.intake);
  if (screening.outcome === "blocked") {
    await recordAudit(prisma, {
      actorId: input.client.id,
      action: "booking.intake_blocked",
      entityType: "User",
      entityId: input.client.id,
    });
    throw new IntakeBlocked(screening.urgency);
  }

  const repeat = await findLiveRepeat(input, now);
  if (repeat) return { ...(await openCheckout(repeat.id, input.client)), reused: true };

  const slot = await findBookableSlot(input, now);
  const env = getEnv();
  let bookingId: string;
  try {
    bookingId = await runTransaction(prisma, async (tx) => {
      await expireLapsedHoldsOverlapping(tx, slot.therapistId, slot.start, slot.blockedUntil);
      const booking = await tx.booking.create({
        data: {
          clientId: input.client.id,
          therapistId: slot.therapistId,
          serviceId: slot.service.id,
          status: "PENDING_PAYMENT",
          startsAt: slot.start,
          endsAt: slot.end,
          blockedUntil: slot.blockedUntil,
          serviceName: slot.service.name,
          durationMinutes: slot.service.durationMinutes,
          priceCents: slot.service.priceCents,
          currency: slot.service.currency,
          intake: input.intake,
          // The checkout expires with the hold, and Stripe wants at least 30 minutes from the moment it
          // creates the session: the margin covers the time between this insert and that call.
          holdExpiresAt: new Date(Date.now() + (env.BOOKING_HOLD_MINUTES + HOLD_MARGIN_MINUTES) * MINUTE_MS),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.client.id,
        action: "booking.held",
        entityType: "Booking",
        entityId: booking.id,
        data: { startsAt: slot.start.toISOString(), therapistId: slot.therapistId },
      });
      return booking.id;
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    // The same client's own request may have won the race a moment ago: that is a repeat, not a loss.
    const own = await findLiveRepeat(input, now);
    if (own) return { ...(await openCheckout(own.id, input.client)), reused: true };
    throw new SlotTaken();
  }
  return { ...(await openCheckout(bookingId, input.client)), reused: false };
}

async function findLiveRepeat(input: CreateBookingInput, now: Date): Promise<{ id: string } | null> {
  return prisma.booking.findFirst({
    where: {
      clientId: input.client.id,
      status: "PENDING_PAYMENT",
      startsAt: input.start,
      service: { slug: input.serviceSlug },
      ...(input.therapistId ? { therapistId: input.therapistId } : {}),
      // A hold about to lapse is not worth reusing: its checkout would expire under the client.
      holdExpiresAt: { gt: new Date(now.getTime() + 2 * MINUTE_MS) },
    },
    select: { id: true },
  });
}

interface BookableSlot extends Slot {
  blockedUntil: Date;
  service: { id: string; name: string; durationMinutes: number; priceCents: number; currency: string };
}

async function findBookableSlot(input: CreateBookingInput, now: Date): Promise<BookableSlot> {
  const rules = slotRulesFromEnv();
  const start = input.start;
  const reject = (message: string): never => {
    throw new Unprocessable(message, { start: [message] });
  };
  if (start.getTime() <= now.getTime()) reject("That time has already passed. Please choose a later time.");
  if (start.getTime() < now.getTime() + rules.minNoticeMinutes * MINUTE_MS) {
    reject(
      `Online bookings need at least ${formatNotice(rules.minNoticeMinutes)} notice. Please choose a later time, or call us.`,
    );
  }
  const wall = toWallTime(start, rules.timeZone);
  if (wall.minute % rules.gridMinutes !== 0 || start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0) {
    reject(`Appointments start every ${rules.gridMinutes} minutes. Please choose one of the times offered.`);
  }
  const day = `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
  if (day > addDays(clinicToday(rules.timeZone, now), rules.horizonDays)) {
    reject(`Online booking opens ${rules.horizonDays} days ahead. Please choose an earlier date.`);
  }

  const inputs = await loadAvailabilityInputs({
    serviceSlug: input.serviceSlug,
    therapistId: input.therapistId,
    from: day,
    to: day,
    now,
  });
  const base = { service: inputs.service, therapists: inputs.therapists, from: day, to: day, now, rules };
  const atStart = (slots: Slot[]) => slots.find((slot) => slot.start.getTime() === start.getTime());
  const slot = atStart(computeSlots({ ...base, bookings: inputs.bookings }));
  if (!slot) {
    // Free of bookings it would fit: someone else holds it. Otherwise it was never bookable.
    if (atStart(computeSlots({ ...base, bookings: [] }))) throw new SlotTaken();
    reject("That time is outside our opening hours for this treatment. Please choose one of the times offered.");
  }
  const found = slot as Slot;
  return {
    ...found,
    blockedUntil: new Date(found.end.getTime() + inputs.service.bufferMinutes * MINUTE_MS),
    service: inputs.service,
  };
}

function formatNotice(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}

// The Checkout Session of a held booking: created on first call, the same one on every repeat
// (Stripe answers a repeated idempotency key with the original response).
async function openCheckout(
  bookingId: string,
  client: { id: string; email: string },
): Promise<{ booking: BookingView; checkoutUrl: string }> {
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: { ...bookingViewSelect, holdExpiresAt: true },
  });
  let session;
  try {
    session = await createCheckoutSession({
      id: booking.id,
      clientId: client.id,
      clientEmail: client.email,
      serviceName: booking.serviceName,
      therapistName: booking.therapist.displayName,
      priceCents: booking.priceCents,
      currency: booking.currency,
      holdExpiresAt: booking.holdExpiresAt as Date,
    });
  } catch (error) {
    console.error("[booking] checkout session could not be created", bookingId, error);
    await releaseHold(bookingId);
    throw new PaymentsUnavailable();
  }
  if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
  try {
    await prisma.payment.create({
      data: {
        bookingId: booking.id,
        stripeCheckoutSessionId: session.id,
        amountCents: booking.priceCents,
        currency: booking.currency,
      },
    });
  } catch (error) {
    // A repeat of the same request: the session's payment row is already there.
    if (!isUniqueViolation(error)) throw error;
  }
  return { booking: toBookingView(booking), checkoutUrl: session.url };
}

async function releaseHold(bookingId: string): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    const released = await tx.booking.updateMany({
      where: { id: bookingId, status: "PENDING_PAYMENT" },
      data: { status: "EXPIRED" },
    });
    if (released.count === 1) {
      await recordAudit(tx, {
        actorId: null,
        action: "booking.hold_released",
        entityType: "Booking",
        entityId: bookingId,
        data: { reason: "checkout_unavailable" },
      });
    }
  });
}
