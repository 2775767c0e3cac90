// Cancels an appointment, for the client who booked it or for staff: one function, the role decides
// what may be asked. However often it is asked: one cancellation, one refund (see cancelBooking).
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { prismaSql } from "@/lib/db/sql";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { bookingEmailFacts } from "@/lib/notifications/booking-email-facts";
import { calendarAttachments } from "@/lib/notifications/calendar-event";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { bookingCancelledMessage } from "@/lib/notifications/templates/booking-messages";
import { describeStripeError, expireCheckoutSession } from "@/lib/payments/checkout";
import { decideRefund, executeRefund } from "@/lib/payments/refund-payment";
import { staffBookingScope } from "./apply-staff-transition";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { cancellationTermsSelect, decideCancellationRefund } from "./cancellation-policy";
import { lockClientQueue } from "./booking-locks";

export interface CancelBookingInput {
  bookingId: string;
  actor: Actor;
  reason?: string;
  /** The client cancels because of new calf pain, swelling, warmth or redness: the fee is waived. */
  newCalfSymptoms?: boolean;
  /**
   * The client is deleting their account: noted on the cancellation; the refund is the policy's, as
   * for any cancellation of theirs (a full refund would let a late cancellation dodge the fee).
   */
  accountDeletion?: boolean;
  /** Staff only: the amount to refund instead of the policy's. */
  refundOverrideCents?: number;
  now?: Date;
}

export interface CancelledBooking {
  booking: BookingView;
  refundCents: number;
}

export const isStaffActor = (actor: Actor) => actor.role === "THERAPIST" || actor.role === "ADMIN";

const CANCELLABLE = ["CONFIRMED", "PENDING_PAYMENT"] as const;
const REFUNDABLE_PAYMENT = ["SUCCEEDED", "PARTIALLY_REFUNDED"] as const;

/** How often a client may have the late fee waived online for new calf symptoms, per 365 days. */
export const WAIVERS_ONLINE_PER_YEAR = 2;
const DAY_MS = 86_400_000;

/** The online waiver was used up this year: the client is asked to call (and still told to see a doctor). */
export class WaiverNeedsACall extends Unprocessable {
  constructor() {
    super(
      `New calf pain, swelling, warmth or redness needs a doctor first: please get it checked today. We've waived the late fee online ${WAIVERS_ONLINE_PER_YEAR} times this year, so please call the clinic to cancel with the fee waived; or cancel here without the waiver.`,
      { newCalfSymptoms: ["Please call the clinic to have the fee waived."] },
    );
  }
}

export const cancelRefundKey = (bookingId: string) => `cancel-${bookingId}`;

// In one transaction: a guarded update (CONFIRMED or PENDING_PAYMENT → CANCELLED), the refund the
// policy gives (decided with a key derived from the booking, so it is decided once), an audit entry
// and the client's message. The refund is sent to Stripe after the commit, since a call to Stripe
// must never hold database locks. A second cancel finds the booking CANCELLED and is refused as an
// invalid transition (409): one cancellation, one refund.
export async function cancelBooking(input: CancelBookingInput): Promise<CancelledBooking> {
  const now = input.now ?? new Date();
  const env = getEnv();
  const staff = isStaffActor(input.actor);
  if (input.refundOverrideCents !== undefined && !staff) {
    throw new Unprocessable("Only the clinic can choose a refund amount.");
  }
  // A client reaches only their own bookings, a therapist only the ones they give (the same scope as
  // check-in): anyone else's id is the same 404 as no booking at all.
  const scope = staff
    ? staffBookingScope(input.actor, input.bookingId)
    : { id: input.bookingId, clientId: input.actor.id };

  const decided = await runTransaction(prisma, async (tx) => {
    const booking = await tx.booking.findFirst({
      where: scope,
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        serviceName: true,
        priceCents: true,
        currency: true,
        clientId: true,
        client: { select: { email: true, name: true } },
        therapist: { select: { displayName: true } },
        service: { select: cancellationTermsSelect },
      },
    });
    if (!booking) throw new NotFound("We couldn't find that appointment.");
    if (!staff && booking.startsAt.getTime() <= now.getTime() && booking.status === "CONFIRMED") {
      throw new Unprocessable("This appointment has already started. Please call the clinic.");
    }
    // A confirmed visit is in the client's calendar (its confirmation carried the event): the
    // cancellation removes it with a CANCEL of the same UID and a higher SEQUENCE.
    const inCalendar = booking.status === "CONFIRMED";
    const cancelled = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...CANCELLABLE] } },
      data: {
        ...(inCalendar ? { calendarSequence: { increment: 1 } } : {}),
        status: "CANCELLED",
        cancelledAt: now,
        cancelledById: input.actor.id,
        cancelReason:
          input.reason?.trim() ||
          (input.newCalfSymptoms ? "New calf symptoms" : input.accountDeletion ? "Account deleted" : null),
      },
    });
    if (cancelled.count !== 1) throw new InvalidTransition("This appointment is already cancelled or has finished.");

    // An unpaid hold has a checkout still open: close it (after the commit) so it can't be paid.
    const pendingSessions = await tx.payment.findMany({
      where: { bookingId: booking.id, status: "PENDING" },
      select: { stripeCheckoutSessionId: true },
    });
    await tx.payment.updateMany({ where: { bookingId: booking.id, status: "PENDING" }, data: { status: "EXPIRED" } });

    const paid = await tx.payment.findFirst({
      where: { bookingId: booking.id, status: { in: [...REFUNDABLE_PAYMENT] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        method: true,
        amountCents: true,
        refunds: { where: { status: { not: "FAILED" } }, select: { amountCents: true } },
      },
    });
    const refundableCents = paid
      ? paid.amountCents - paid.refunds.reduce((sum, refund) => sum + refund.amountCents, 0)
      : 0;
    // Money taken at the desk goes back at the desk, by a person: recording it refunded from an online
    // cancellation would say the client had their money back when nobody handed it over. So a client
    // cancels a desk-paid visit with the clinic, which refunds it as it cancels (rolled back here).
    if (!staff && paid?.method === "DESK" && refundableCents > 0) {
      throw new Unprocessable(
        "You paid for this visit at the clinic, so please call us to cancel it: we refund it at the desk.",
      );
    }
    let policy;
    try {
      policy = decideCancellationRefund({
        startsAt: booking.startsAt,
        now,
        terms: booking.service,
        refundableCents,
        newCalfSymptoms: input.newCalfSymptoms,
        overrideCents: input.refundOverrideCents,
        currency: booking.currency,
      });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new Unprocessable(error.message, { refundCents: [error.message] });
      }
      throw error;
    }
    const refundWithoutWaiver = () =>
      decideCancellationRefund({
        startsAt: booking.startsAt,
        now,
        terms: booking.service,
        refundableCents,
        newCalfSymptoms: false,
        currency: booking.currency,
      }).refundCents;

    // The waiver is a safety feature (nobody should come in with a possible clot to save a fee), so
    // it stays; but it is counted, and online a client may use it WAIVERS_ONLINE_PER_YEAR times a
    // year: after that the clinic is asked to call, where a person hears what is going on.
    const waivedFeeCents = policy.rule === "calf_symptoms_waiver" ? policy.refundCents - refundWithoutWaiver() : 0;
    if (waivedFeeCents > 0 && !staff) {
      // Two late cancellations of one client sent at once must not both count the same waivers
      // used: the second waits until the first has committed its own.
      await lockClientQueue(prismaSql(tx), booking.clientId);
      const used = await tx.auditLog.count({
        where: {
          actorId: booking.clientId,
          action: "booking.cancelled",
          createdAt: { gte: new Date(now.getTime() - 365 * DAY_MS) },
          data: { path: ["calfSymptomsWaiver"], equals: true },
        },
      });
      if (used >= WAIVERS_ONLINE_PER_YEAR) throw new WaiverNeedsACall();
    }

    let refundId: string | null = null;
    if (paid && policy.refundCents > 0) {
      refundId = await decideRefund(tx, {
        paymentId: paid.id,
        amountCents: policy.refundCents,
        reason: `cancellation:${policy.rule}`,
        idempotencyKey: cancelRefundKey(booking.id),
        createdById: input.actor.id,
      });
    }
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "booking.cancelled",
      entityType: "Booking",
      entityId: booking.id,
      // The rule and amount only: a reason typed by the client may hold health details.
      data: {
        by: staff ? "staff" : "client",
        ...(input.accountDeletion ? { onAccountDeletion: true } : {}),
        rule: policy.rule,
        refundCents: policy.refundCents,
        refundId,
        // A fee actually waived for new calf symptoms: counted against the yearly online limit, and
        // listed for staff to call the client (lib/clinical/symptom-follow-ups.ts). No health text.
        ...(waivedFeeCents > 0 ? { calfSymptomsWaiver: true, waivedFeeCents } : {}),
      },
    });
    const { calendarSequence } = await tx.booking.findUniqueOrThrow({
      where: { id: booking.id },
      select: { calendarSequence: true },
    });
    await enqueueEmail(tx, {
      toAddress: booking.client.email,
      template: "booking-cancelled",
      bookingId: booking.id,
      userId: booking.clientId,
      dedupeKey: `booking-cancelled:${booking.id}`,
      attachments: inCalendar
        ? calendarAttachments(
            {
              id: booking.id,
              status: "CANCELLED",
              startsAt: booking.startsAt,
              endsAt: booking.endsAt,
              serviceName: booking.serviceName,
              therapistName: booking.therapist.displayName,
              sequence: calendarSequence,
              attendee: booking.client,
            },
            env.APP_URL,
            "CANCEL",
          )
        : undefined,
      ...(await bookingCancelledMessage({
        ...bookingEmailFacts(booking),
        refundCents: policy.refundCents,
        feeWaivedForCalfSymptoms: policy.rule === "calf_symptoms_waiver",
        nothingPaid: policy.rule === "nothing_paid",
        calendarFileAttached: inCalendar,
      })),
    });
    return {
      refundId,
      refundCents: policy.refundCents,
      sessions: pendingSessions.flatMap((payment) => payment.stripeCheckoutSessionId ?? []),
    };
  });

  invalidateAvailability();
  for (const sessionId of decided.sessions) {
    try {
      await expireCheckoutSession(sessionId);
    } catch (error) {
      // A payment that still lands is refunded in full by confirmPaidBooking (the slot was released).
      console.warn("[booking] could not close a cancelled hold's checkout", sessionId, describeStripeError(error));
    }
  }
  if (decided.refundId) {
    try {
      await executeRefund(decided.refundId);
    } catch (error) {
      // The cancellation stands and the refund stays PENDING, decided once: it is sent again later.
      console.warn("[booking] refund not sent yet", decided.refundId, describeStripeError(error));
    }
  }
  const booking = await prisma.booking.findUniqueOrThrow({ where: { id: input.bookingId }, select: bookingViewSelect });
  return { booking: toBookingView(booking), refundCents: decided.refundCents };
}
