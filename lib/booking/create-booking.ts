// The one way a booking is made, for the booking page's Server Action, POST /api/bookings and
// the staff phone booking, so every path passes the same checks in the same order (see
// createBooking). A taken slot is SlotTaken (409) on every path, never a 500.
import { prisma } from "@/lib/db";
import { IntakeBlocked, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { StopOutcome } from "@/lib/clinical/questionnaire";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { actorIdOf, type CreateBookingInput, type CreatedBooking, type DeskBooking } from "./booking-request";
import { releaseHoldsAfterStop, screenWithClearances } from "./booking-screening";
import { holdWithCheckout } from "./checkout-hold";
import { createDeskBooking } from "./desk-booking";
import { assertPlausibleStart } from "./find-bookable-slot";
import { isCurrentIntake, QUESTIONS_CHANGED_MESSAGE } from "./intake";
import { createPaymentLinkBooking } from "./payment-link";
import { getEnv } from "@/lib/env";

export type { CreateBookingInput, CreatedBooking, DeskBooking } from "./booking-request";

// Booking attempts per client per hour: each one may open a Stripe Checkout Session.
export const BOOKING_ATTEMPTS_LIMIT = { limit: 30, windowSeconds: 60 * 60 };

// Every path passes the same checks first, in this order:
//  1. answers to the current edition of the questions, and staff only into schedules they may book;
//  2. the screening (booking-screening.ts): a red flag ends here, with nothing stored but an audit
//     entry without the answers, and the client's earlier holds released;
//  3. a plausible start and the per-client throttle.
// Then one of three paths, each in its own file:
//  - a client's own booking: a hold and its Stripe Checkout (checkout-hold.ts, hold-slot.ts);
//  - a payment link staff send: the same hold, held up to a day, its checkout URL emailed
//    (payment-link.ts);
//  - pay at the desk: confirmed at once, paid at the clinic (desk-booking.ts).
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
  if (input.bookedBy) return createPaymentLinkBooking({ ...input, bookedBy: input.bookedBy }, now);
  const { holdId: _holdId, ...made } = await holdWithCheckout(input, now, () => getEnv().BOOKING_HOLD_MINUTES);
  return made;
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
