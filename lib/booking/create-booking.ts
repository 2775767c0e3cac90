// Holds a slot and opens its checkout: the one path for the booking page's Server Action and for
// POST /api/bookings. In order:
//  1. screening: a red flag ends here, with nothing stored but an audit entry without the answers;
//  2. one transaction (hold-slot.ts), queued behind any booking change of this client and these
//     therapists, answers a repeat of a live request (same client, service and start) with the
//     same booking, or checks the start against the same availability the page showed (grid,
//     notice, horizon, hours, free), releases the client's earlier hold (one unpaid hold per
//     client, a unique index guarantees it) and lapsed holds in the way, and inserts the
//     PENDING_PAYMENT row; the exclusion constraint is the guarantee, and a lost race is
//     SlotTaken (409), never a 500;
//  3. the Checkout Session is created with the booking's idempotency key, outside the transaction,
//     and recorded only while the hold is still held (else it is expired at once).
// Staff booking on a client's behalf (a phone booking, `bookedBy`) take the same path: a therapist
// only into their own schedule. A payment link is a hold of up to a day whose checkout URL is
// emailed to the client; "pay at the desk" confirms at once with no payment (payAtDesk).
import type Stripe from "stripe";
import { recordAudit, recordAuditEntries } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { checkOnlineSignature, type ConsentInput } from "@/lib/clinical/consent-signatures";
import { loadAvailabilityInputs, type ClientHold } from "@/lib/availability/load-availability-inputs";
import { getSql, prisma } from "@/lib/db";
import { prismaSql, sql } from "@/lib/db/sql";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import {
  IntakeBlocked,
  InvalidTransition,
  NotFound,
  PaymentsUnavailable,
  Unprocessable,
} from "@/lib/errors/domain-errors";
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
import { lockBookingParties, lockClientQueue } from "./booking-locks";
import {
  bookingViewSelect,
  checkoutExpiryOf,
  HOLD_GRACE_MINUTES,
  toBookingView,
  type BookingView,
} from "./booking-view";
import { cancellationTermsSelect } from "./cancellation-policy";
import {
  assertPlausibleStart,
  clinicDayOf,
  findBookableSlot,
  pickBookableSlot,
  type BookableSlot,
} from "./find-bookable-slot";
import {
  asBookingConflict,
  bookingRowOf,
  holdSlot,
  recordCheckoutSession,
  releaseHoldsInTheWay,
  type HoldOutcome,
} from "./hold-slot";
import { isCurrentIntake, QUESTIONS_CHANGED_MESSAGE, type IntakeAnswers } from "./intake";
import { activeClearanceQuestionIds } from "@/lib/clinical/clearance";
import { screen, type StopOutcome } from "@/lib/clinical/questionnaire";

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
  // Answers to an earlier edition of the questions are asked again, before anything is written.
  if (!isCurrentIntake(input.intake)) {
    throw new Unprocessable(QUESTIONS_CHANGED_MESSAGE, { intake: [QUESTIONS_CHANGED_MESSAGE] });
  }
  if (input.bookedBy) await assertMayBookFor(input.bookedBy, input.therapistId);
  // The screening comes before the throttle: someone who answers "chest pain" is told to call 911
  // however many times they have tried.
  const screening = await screenWithClearances(input, now);
  if (screening.stops && screening.message) {
    // Nothing stays held or payable after a stop: an earlier hold of this client (a checkout still
    // open in another tab, a payment link staff sent) is released and its checkout closed.
    await releaseHoldsAfterStop(input.client.id, actorIdOf(input));
    throw new IntakeBlocked(screening.outcome as StopOutcome, `${screening.message.title}. ${screening.message.body}`);
  }
  assertPlausibleStart(input.start);
  const throttle = await hitRateLimit(`booking:client:${input.client.id}`, BOOKING_ATTEMPTS_LIMIT);
  if (!throttle.allowed) {
    throw new Unprocessable("You've tried to book many times in the last hour. Please call the clinic and we'll help.");
  }

  if (input.payment === "desk") return createDeskBooking(input, now);
  // A client's own booking needs the current consent (signed before, or signed with this request,
  // checked here and written in the hold's transaction); staff bookings are signed at the desk.
  const sign = !input.bookedBy && input.consent ? await checkOnlineSignature(input.client.id, input.consent) : null;

  let outcome: HoldOutcome;
  try {
    outcome = await holdSlot({
      clientId: input.client.id,
      serviceSlug: input.serviceSlug,
      therapistId: input.therapistId,
      start: input.start,
      intake: input.intake,
      now,
      actorId: actorIdOf(input),
      bookedById: input.bookedBy?.id ?? null,
      consent: input.bookedBy ? undefined : { sign },
      holdMinutes: (slot) => holdMinutesFor(input, slot, new Date()) + CHECKOUT_EXTRA_MINUTES + HOLD_GRACE_MINUTES,
    });
  } catch (error) {
    throw asBookingConflict(error);
  }
  if (outcome.kind === "held") {
    invalidateAvailability();
    await expireCheckoutsOf(outcome.releasedCheckouts);
  }
  const opened = await openCheckout(outcome.hold, input.client, { createdNow: outcome.kind === "held" });
  if (input.bookedBy) await sendPaymentLink(outcome.hold.id, input.bookedBy.id, opened.checkoutUrl);
  return { ...opened, reused: outcome.kind === "repeat" };
}

const actorIdOf = (input: CreateBookingInput) => input.bookedBy?.id ?? input.client.id;

/**
 * The screening, with the doctor's go-ahead staff recorded for this client counting for its
 * condition (a clearance stop becomes a caution the therapist sees). Clearances are read only when
 * the answers stop at a clearance: every other booking sends no extra statement.
 */
async function screenWithClearances(input: CreateBookingInput, now: Date) {
  const first = screen(input.intake.answers, { serviceSlug: input.serviceSlug });
  if (first.outcome !== "clearance") return first;
  const cleared = await activeClearanceQuestionIds(prisma, input.client.id, now);
  if (cleared.size === 0) return first;
  return screen(input.intake.answers, { serviceSlug: input.serviceSlug, clearedQuestionIds: [...cleared] });
}

/**
 * After a screening stop: the stop's audit entry (never the answers) and, in the same transaction,
 * every unpaid hold of the client released, in the client's booking queue; then their checkouts
 * are closed, so nothing held before the stop can still be paid.
 */
export async function releaseHoldsAfterStop(
  clientId: string,
  actorId: string | null,
  { audit = true }: { audit?: boolean } = {},
): Promise<void> {
  const sessionIds = await getSql().transaction(async (tx) => {
    await lockClientQueue(tx, clientId);
    const released = await tx.query<{ id: string }>(sql`
      UPDATE "Booking" SET "status" = 'EXPIRED', "updatedAt" = now()
      WHERE "clientId" = ${clientId} AND "status" = 'PENDING_PAYMENT'
      RETURNING "id"`);
    const payments = released.length
      ? await tx.query<{ sessionId: string | null }>(sql`
          UPDATE "Payment" SET "status" = 'EXPIRED', "updatedAt" = now()
          WHERE "bookingId" = ANY(${released.map((row) => row.id)}::text[]) AND "status" = 'PENDING'
          RETURNING "stripeCheckoutSessionId" AS "sessionId"`)
      : [];
    await recordAuditEntries(tx, [
      ...(audit ? [{ actorId, action: "booking.intake_blocked", entityType: "User", entityId: clientId }] : []),
      ...released.map((row) => ({
        actorId,
        action: "booking.hold_released",
        entityType: "Booking",
        entityId: row.id,
        data: { reason: "screening_stop" },
      })),
    ]);
    return payments.flatMap((payment) => (payment.sessionId ? [payment.sessionId] : []));
  });
  if (sessionIds.length > 0) invalidateAvailability();
  await expireCheckoutsOf(sessionIds);
}

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

// Pay at the desk: the same checks, then one transaction, in the same queue as every booking
// (lockBookingParties), inserts the CONFIRMED row (the exclusion constraint still guards it) with
// its audit entry and the client's confirmation. A repeat of the same request (a double click)
// finds the booking it made and returns it.
async function createDeskBooking(input: CreateBookingInput, now: Date): Promise<DeskBooking> {
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
    timeZone: env.CLINIC_TIME_ZONE,
    cancellationCutoffHours: terms.freeCancellationHours,
    appUrl: env.APP_URL,
  });
  let made: { bookingId: string } | { repeat: BookingView };
  try {
    made = await runTransaction(prisma, async (tx) => {
      await lockBookingParties(prismaSql(tx), {
        clientId: input.client.id,
        serviceSlug: input.serviceSlug,
        therapistDays: [{ therapistId: slot.therapistId, day: clinicDayOf(slot.start, env.CLINIC_TIME_ZONE) }],
      });
      const again = await findDeskRepeat(tx, input);
      if (again) {
        await keepLatestIntake(tx, again.id, input.intake, actor.id);
        return { repeat: again };
      }
      const inputs = await loadAvailabilityInputs({
        serviceSlug: input.serviceSlug,
        therapistId: slot.therapistId,
        from: clinicDayOf(slot.start, env.CLINIC_TIME_ZONE),
        to: clinicDayOf(slot.start, env.CLINIC_TIME_ZONE),
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

// The hold outlives its checkout by a few minutes, so a payment made in the checkout's last
// seconds still finds its slot held; and the checkout gets a minute more than Stripe's 30-minute
// minimum, counted from now, because the session is created a moment after this insert.
const CHECKOUT_EXTRA_MINUTES = 1;

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

/** A hold as the API shows it: built from what the transaction read, with no further query. */
function holdView(hold: ClientHold): BookingView {
  return toBookingView({
    id: hold.id,
    status: "PENDING_PAYMENT",
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
    serviceName: hold.serviceName,
    priceCents: hold.priceCents,
    currency: hold.currency,
    holdExpiresAt: hold.holdExpiresAt,
    service: { slug: hold.serviceSlug },
    therapist: { id: hold.therapistId, displayName: hold.therapistName },
    payments: [],
  });
}

// The Checkout Session of a held booking: created once, with parameters taken only from the
// booking's own snapshot and its idempotency key (so a repeat racing the first request gets the
// very same session from Stripe); on a repeat after it was recorded, the session recorded.
async function openCheckout(
  hold: ClientHold,
  client: { id: string; email: string },
  { createdNow }: { createdNow: boolean },
): Promise<{ booking: BookingView; checkoutUrl: string }> {
  let session: Stripe.Checkout.Session;
  try {
    session = hold.checkoutSessionId
      ? await retrieveCheckoutSession(hold.checkoutSessionId)
      : await createCheckoutSession({
          id: hold.id,
          clientId: client.id,
          clientEmail: client.email,
          serviceName: hold.serviceName,
          priceCents: hold.priceCents,
          currency: hold.currency,
          expiresAt: checkoutExpiryOf(hold.holdExpiresAt as Date),
          paymentLink: hold.bookedById !== null,
        });
  } catch (error) {
    console.error("[booking] checkout session could not be opened", hold.id, describeStripeError(error));
    // Only a hold made by this very request is released; a repeat leaves the earlier checkout alone.
    if (createdNow) await releaseHold(hold.id);
    throw new PaymentsUnavailable();
  }
  if (!session.url || session.status !== "open") {
    throw new Unprocessable("This checkout has closed. Please choose your time again.");
  }
  if (!hold.checkoutSessionId && (await recordCheckoutSession(getSql(), hold, session.id)) === "released") {
    // The client's newer request let this hold go while its checkout was being opened: close the
    // checkout too, so it can never take a payment for a time that is no longer held.
    await expireCheckoutsOf([session.id]);
    throw new InvalidTransition(
      "You chose another time in the meantime, so this one was let go. Please check your appointments.",
    );
  }
  return { booking: holdView(hold), checkoutUrl: session.url };
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
