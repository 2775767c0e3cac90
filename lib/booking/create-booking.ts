// Holds a slot and opens its checkout: the one path for the booking page's Server Action and for
// POST /api/bookings. In order:
//  1. screening: a red flag ends here, with nothing stored but an audit entry without the answers;
//  2. a repeat of a live request (same client, service and start) returns the same booking and
//     checkout instead of a 409, with the latest health answers;
//  3. the start is checked against the same availability the page showed (grid, notice, horizon,
//     hours, free), and "any therapist" is assigned the way the page assigned it;
//  4. one transaction releases the client's earlier hold (one unpaid hold per client, a unique
//     index guarantees it) and lapsed holds in the way, and inserts the PENDING_PAYMENT row; the
//     exclusion constraint is the guarantee, and its 23P01 becomes SlotTaken (409), never a 500;
//  5. the Checkout Session is created with the booking's idempotency key, outside the transaction.
// Staff booking on a client's behalf (a phone booking, `bookedBy`) take the same path: a therapist
// only into their own schedule. A payment link is a hold of up to a day whose checkout URL is
// emailed to the client; "pay at the desk" confirms at once with no payment (payAtDesk).
import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { isExclusionViolation, isUniqueViolation, violatedConstraint } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { IntakeBlocked, NotFound, PaymentsUnavailable, SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { paymentLinkMessage } from "@/lib/notifications/templates/booking-messages";
import { deskBookingConfirmedMessage } from "@/lib/notifications/templates/desk-booking-messages";
import {
  createCheckoutSession,
  describeStripeError,
  expireCheckoutSession,
  retrieveCheckoutSession,
} from "@/lib/payments/checkout";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import {
  bookingViewSelect,
  checkoutExpiryOf,
  HOLD_GRACE_MINUTES,
  toBookingView,
  type BookingView,
} from "./booking-view";
import { expireLapsedHoldsOverlapping } from "./expire-booking-hold";
import { assertSlotStillOffered, findBookableSlot, type BookableSlot } from "./find-bookable-slot";
import { screenIntake, type IntakeAnswers } from "./intake";
import { cancellationTermsSelect } from "./cancellation-policy";

export interface CreateBookingInput {
  client: { id: string; email: string };
  serviceSlug: string;
  therapistId?: string;
  start: Date;
  intake: IntakeAnswers;
  now?: Date;
  /** A phone booking: the staff member making it on the client's behalf. */
  bookedBy?: { id: string; role: Role };
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

// A payment link stays open up to a day (Stripe's Checkout maximum is 24 hours from creation; the
// half hour short of it covers the minute added below and the moment before the session exists),
// but never past the appointment itself.
export const PAYMENT_LINK_HOLD_MINUTES = 23 * 60 + 30;

const MINUTE_MS = 60_000;
// Booking attempts per client per hour: each one may open a Stripe Checkout Session.
export const BOOKING_ATTEMPTS_LIMIT = { limit: 30, windowSeconds: 60 * 60 };

export async function createBooking(input: CreateBookingInput & { payment?: "checkout" }): Promise<CreatedBooking>;
export async function createBooking(
  input: CreateBookingInput & { bookedBy: { id: string; role: Role }; payment: "desk" },
): Promise<DeskBooking>;
export async function createBooking(input: CreateBookingInput): Promise<CreatedBooking | DeskBooking> {
  const now = input.now ?? new Date();
  if (input.payment === "desk" && !input.bookedBy)
    throw new Unprocessable("Only the clinic can take payment at the desk.");
  if (input.bookedBy) await assertMayBookFor(input.bookedBy, input.therapistId);
  const throttle = await hitRateLimit(`booking:client:${input.client.id}`, BOOKING_ATTEMPTS_LIMIT);
  if (!throttle.allowed) {
    throw new Unprocessable("You've tried to book many times in the last hour. Please call the clinic and we'll help.");
  }
  const screening = screenIntake(input.intake);
  if (screening.outcome === "blocked") {
    await recordAudit(prisma, {
      actorId: actorIdOf(input),
      action: "booking.intake_blocked",
      entityType: "User",
      entityId: input.client.id,
    });
    throw new IntakeBlocked(screening.urgency);
  }

  if (input.payment === "desk") return createDeskBooking(input, now);

  const repeat = await reuseLiveRepeat(input, now);
  if (repeat) return repeat;

  const slot = await findSlotFor(input, now);
  let held: { bookingId: string; released: string[] };
  try {
    held = await holdSlot(input, slot);
    invalidateAvailability();
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    // The same client's own request may have won the race a moment ago: that is a repeat, not a loss.
    const own = await reuseLiveRepeat(input, now);
    if (own) return own;
    throw new SlotTaken();
  }
  await expireCheckoutsOf(held.released);
  const opened = await openCheckout(held.bookingId, input.client, { createdNow: true });
  if (input.bookedBy) await sendPaymentLink(held.bookingId, input.bookedBy.id, opened.checkoutUrl);
  return { ...opened, reused: false };
}

const actorIdOf = (input: CreateBookingInput) => input.bookedBy?.id ?? input.client.id;

// Staff book on a client's behalf: an admin into any schedule, a therapist only into their own
// (anyone else's is the same 404 as a therapist who does not exist).
async function assertMayBookFor(actor: { id: string; role: Role }, therapistId: string | undefined): Promise<void> {
  if (actor.role === "ADMIN") return;
  if (actor.role === "THERAPIST" && therapistId) {
    const own = await prisma.therapist.findFirst({
      where: { id: therapistId, userId: actor.id },
      select: { id: true },
    });
    if (own) return;
  }
  throw new NotFound("You can book only into your own schedule.");
}

// How long a new hold lasts: a client's own checkout the configured minutes; a payment link sent by
// staff up to a day, ending no later than the appointment (and never shorter than a checkout).
function holdMinutesFor(input: CreateBookingInput, slot: BookableSlot, now: Date): number {
  const configured = getEnv().BOOKING_HOLD_MINUTES;
  if (!input.bookedBy) return configured;
  const untilStart =
    Math.floor((slot.start.getTime() - now.getTime()) / MINUTE_MS) - CHECKOUT_EXTRA_MINUTES - HOLD_GRACE_MINUTES;
  return Math.max(configured, Math.min(PAYMENT_LINK_HOLD_MINUTES, untilStart));
}

/** Emails the client the checkout URL of a hold staff made for them, once per checkout. */
async function sendPaymentLink(bookingId: string, actorId: string, checkoutUrl: string): Promise<void> {
  const env = getEnv();
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      clientId: true,
      startsAt: true,
      serviceName: true,
      priceCents: true,
      currency: true,
      holdExpiresAt: true,
      client: { select: { email: true, name: true } },
      therapist: { select: { displayName: true } },
    },
  });
  const message = await paymentLinkMessage({
    clientName: booking.client.name,
    serviceName: booking.serviceName,
    therapistName: booking.therapist.displayName,
    startsAt: booking.startsAt,
    priceCents: booking.priceCents,
    currency: booking.currency,
    timeZone: env.CLINIC_TIME_ZONE,
    appUrl: env.APP_URL,
    paymentUrl: checkoutUrl,
    payBy: booking.holdExpiresAt ? checkoutExpiryOf(booking.holdExpiresAt) : undefined,
  });
  const sessionId = checkoutUrl.split("/").pop()?.split("?")[0] ?? bookingId;
  await runTransaction(prisma, async (tx) => {
    const written = await enqueueEmail(tx, {
      toAddress: booking.client.email,
      template: "booking-payment-link",
      bookingId,
      userId: booking.clientId,
      dedupeKey: `booking-payment-link:${sessionId}`,
      ...message,
    });
    if (written) {
      await recordAudit(tx, {
        actorId,
        action: "booking.payment_link_sent",
        entityType: "Booking",
        entityId: bookingId,
      });
    }
  });
}

// Pay at the desk: the same checks, then one transaction inserts the CONFIRMED row (the exclusion
// constraint still guards it) with its audit entry and the client's confirmation. A repeat of the
// same request (a double click) finds the booking it made and returns it.
async function createDeskBooking(input: CreateBookingInput, now: Date): Promise<DeskBooking> {
  const actor = input.bookedBy as { id: string; role: Role };
  const repeat = await findDeskRepeat(input);
  if (repeat) return { booking: repeat, checkoutUrl: null, reused: true };
  const slot = await findBookableSlot({
    serviceSlug: input.serviceSlug,
    therapistId: input.therapistId,
    start: input.start,
    now,
  });
  const env = getEnv();
  const [client, terms] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: input.client.id }, select: { name: true } }),
    prisma.service.findUniqueOrThrow({ where: { id: slot.service.id }, select: cancellationTermsSelect }),
  ]);
  // Rendered before the transaction: no locks are held while a template renders.
  const message = await deskBookingConfirmedMessage({
    clientName: client.name,
    serviceName: slot.service.name,
    therapistName: slot.therapistName,
    startsAt: slot.start,
    priceCents: slot.service.priceCents,
    currency: slot.service.currency,
    timeZone: env.CLINIC_TIME_ZONE,
    cancellationCutoffHours: terms.freeCancellationHours,
    appUrl: env.APP_URL,
  });
  let bookingId: string;
  try {
    bookingId = await runTransaction(prisma, async (tx) => {
      await expireLapsedHoldsOverlapping(tx, slot.therapistId, slot.start, slot.blockedUntil);
      const booking = await tx.booking.create({
        data: {
          ...bookingRowOf(input, slot),
          status: "CONFIRMED",
          confirmedAt: now,
          payAtDesk: true,
          bookedById: actor.id,
        },
        select: { id: true },
      });
      await assertSlotStillOffered({ ...slotCheckOf(input, slot), db: tx });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "booking.booked_for_client",
        entityType: "Booking",
        entityId: booking.id,
        data: { startsAt: slot.start.toISOString(), therapistId: slot.therapistId, payment: "desk" },
      });
      await enqueueEmail(tx, {
        toAddress: input.client.email,
        template: "booking-confirmed",
        bookingId: booking.id,
        userId: input.client.id,
        dedupeKey: `booking-confirmed:${booking.id}`,
        ...message,
      });
      return booking.id;
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    const own = await findDeskRepeat(input);
    if (own) return { booking: own, checkoutUrl: null, reused: true };
    throw new SlotTaken();
  }
  invalidateAvailability();
  const row = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, select: bookingViewSelect });
  return { booking: toBookingView(row), checkoutUrl: null, reused: false };
}

async function findDeskRepeat(input: CreateBookingInput): Promise<BookingView | null> {
  const row = await prisma.booking.findFirst({
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

function bookingRowOf(input: CreateBookingInput, slot: BookableSlot) {
  return {
    clientId: input.client.id,
    therapistId: slot.therapistId,
    serviceId: slot.service.id,
    startsAt: slot.start,
    endsAt: slot.end,
    blockedUntil: slot.blockedUntil,
    serviceName: slot.service.name,
    durationMinutes: slot.service.durationMinutes,
    priceCents: slot.service.priceCents,
    currency: slot.service.currency,
    intake: input.intake,
  };
}

// The hold outlives its checkout by a few minutes, so a payment made in the checkout's last
// seconds still finds its slot held; and the checkout gets a minute more than Stripe's 30-minute
// minimum, counted from now, because the session is created a moment after this insert.
const CHECKOUT_EXTRA_MINUTES = 1;

const slotCheckOf = (input: CreateBookingInput, slot: BookableSlot) => ({
  serviceSlug: input.serviceSlug,
  therapistId: slot.therapistId,
  start: slot.start,
  now: input.now ?? new Date(),
});

async function holdSlot(
  input: CreateBookingInput,
  slot: BookableSlot,
): Promise<{ bookingId: string; released: string[] }> {
  const holdMinutes = holdMinutesFor(input, slot, new Date());
  const attempt = () =>
    runTransaction(prisma, async (tx) => {
      const released = await releaseEarlierHoldsOf(tx, input.client.id);
      await expireLapsedHoldsOverlapping(tx, slot.therapistId, slot.start, slot.blockedUntil);
      const booking = await tx.booking.create({
        data: {
          ...bookingRowOf(input, slot),
          status: "PENDING_PAYMENT",
          bookedById: input.bookedBy?.id ?? null,
          holdExpiresAt: new Date(Date.now() + (holdMinutes + CHECKOUT_EXTRA_MINUTES + HOLD_GRACE_MINUTES) * MINUTE_MS),
        },
        select: { id: true },
      });
      await assertSlotStillOffered({ ...slotCheckOf(input, slot), db: tx });
      await recordAudit(tx, {
        actorId: actorIdOf(input),
        action: "booking.held",
        entityType: "Booking",
        entityId: booking.id,
        data: {
          startsAt: slot.start.toISOString(),
          therapistId: slot.therapistId,
          releasedHolds: released.length,
          ...(input.bookedBy ? { bookedBy: input.bookedBy.id, payment: "link" } : {}),
        },
      });
      return { bookingId: booking.id, released };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two holds of one client raced: the one-hold index refused the second. Run it again, which
    // releases the hold that just committed.
    if (violatedConstraint(error) !== "Booking_one_hold_per_client") throw error;
    return attempt();
  }
}

// A client's new hold replaces their earlier one: they have chosen another time.
async function releaseEarlierHoldsOf(tx: Prisma.TransactionClient, clientId: string): Promise<string[]> {
  const earlier = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Booking" SET "status" = 'EXPIRED', "updatedAt" = now()
    WHERE "clientId" = ${clientId} AND "status" = 'PENDING_PAYMENT'
    RETURNING "id"`;
  if (earlier.length === 0) return [];
  const ids = earlier.map((row) => row.id);
  const payments = await tx.payment.findMany({
    where: { bookingId: { in: ids }, status: "PENDING" },
    select: { stripeCheckoutSessionId: true },
  });
  await tx.payment.updateMany({ where: { bookingId: { in: ids }, status: "PENDING" }, data: { status: "EXPIRED" } });
  await tx.auditLog.createMany({
    data: ids.map((id) => ({
      actorId: clientId,
      action: "booking.hold_released",
      entityType: "Booking",
      entityId: id,
      data: { reason: "replaced_by_new_hold" },
    })),
  });
  return payments.flatMap((payment) => payment.stripeCheckoutSessionId ?? []);
}

// Best effort: a released hold's checkout should not take money any more. If this fails, a payment
// that still arrives finds the hold released and is refunded in full.
async function expireCheckoutsOf(sessionIds: string[]): Promise<void> {
  for (const sessionId of sessionIds) {
    try {
      await expireCheckoutSession(sessionId);
    } catch (error) {
      console.warn("[booking] could not expire a released checkout", sessionId, describeStripeError(error));
    }
  }
}

// A repeat of a live request: the same booking and checkout, with the answers just given (a client
// may have gone back from checkout to correct them, and the therapist must see the latest).
async function reuseLiveRepeat(input: CreateBookingInput, now: Date): Promise<CreatedBooking | null> {
  const live = await prisma.booking.findFirst({
    where: {
      clientId: input.client.id,
      status: "PENDING_PAYMENT",
      startsAt: input.start,
      service: { slug: input.serviceSlug },
      ...(input.therapistId ? { therapistId: input.therapistId } : {}),
      // A hold whose checkout is about to close is not worth reusing: start afresh.
      holdExpiresAt: { gt: new Date(now.getTime() + (HOLD_GRACE_MINUTES + 2) * MINUTE_MS) },
    },
    select: { id: true },
  });
  if (!live) return null;
  await runTransaction(prisma, async (tx) => {
    const updated = await tx.booking.updateMany({
      where: { id: live.id, status: "PENDING_PAYMENT" },
      data: { intake: input.intake },
    });
    if (updated.count === 1) {
      await recordAudit(tx, {
        actorId: actorIdOf(input),
        action: "booking.intake_updated",
        entityType: "Booking",
        entityId: live.id,
      });
    }
  });
  const opened = await openCheckout(live.id, input.client, { createdNow: false });
  if (input.bookedBy) await sendPaymentLink(live.id, input.bookedBy.id, opened.checkoutUrl);
  return { ...opened, reused: true };
}

// The client's own earlier hold is released when this one is made, so it does not count against it.
async function findSlotFor(input: CreateBookingInput, now: Date): Promise<BookableSlot> {
  const ownHolds = await prisma.booking.findMany({
    where: { clientId: input.client.id, status: "PENDING_PAYMENT" },
    select: { therapistId: true, startsAt: true },
  });
  return findBookableSlot({
    serviceSlug: input.serviceSlug,
    therapistId: input.therapistId,
    start: input.start,
    now,
    ignore: (booking) =>
      booking.status === "PENDING_PAYMENT" &&
      ownHolds.some(
        (own) => own.therapistId === booking.therapistId && own.startsAt.getTime() === booking.startsAt.getTime(),
      ),
  });
}

// The Checkout Session of a held booking: created once, with parameters taken only from the
// booking's own snapshot and its idempotency key; on a repeat, the session already recorded.
async function openCheckout(
  bookingId: string,
  client: { id: string; email: string },
  { createdNow }: { createdNow: boolean },
): Promise<{ booking: BookingView; checkoutUrl: string }> {
  const booking = await prisma.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      ...bookingViewSelect,
      bookedById: true,
      payments: {
        select: { ...bookingViewSelect.payments.select, stripeCheckoutSessionId: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  const recorded = booking.payments.find((payment) => payment.status === "PENDING");
  let session: Stripe.Checkout.Session;
  try {
    session = recorded?.stripeCheckoutSessionId
      ? await retrieveCheckoutSession(recorded.stripeCheckoutSessionId)
      : await createCheckoutSession({
          id: booking.id,
          clientId: client.id,
          clientEmail: client.email,
          serviceName: booking.serviceName,
          priceCents: booking.priceCents,
          currency: booking.currency,
          expiresAt: checkoutExpiryOf(booking.holdExpiresAt as Date),
          paymentLink: booking.bookedById !== null,
        });
  } catch (error) {
    console.error("[booking] checkout session could not be opened", bookingId, describeStripeError(error));
    // Only a hold made by this very request is released; a repeat leaves the earlier checkout alone.
    if (createdNow) await releaseHold(bookingId);
    throw new PaymentsUnavailable();
  }
  if (!session.url || session.status !== "open") {
    throw new Unprocessable("This checkout has closed. Please choose your time again.");
  }
  if (!recorded) {
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
      // Two repeats raced to record the same session: it is recorded once either way.
      if (!isUniqueViolation(error)) throw error;
    }
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
  invalidateAvailability();
}
