// "Record payment at the desk" for a phone booking the client pays at the clinic (payAtDesk): one
// DESK payment of the booking's price, SUCCEEDED, with no Stripe ids (a CHECK constraint insists).
// Recorded once: the booking row is locked while the earlier payment is looked for, so two staff
// pressing at once record one payment and the second is told it is already there.
import { recordAudit } from "@/lib/audit/record-audit";
import { staffBookingScope } from "@/lib/booking/apply-staff-transition";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import type { BookingStatus } from "@/lib/generated/prisma/enums";

/** A desk payment can be taken before the visit, at check-in or once it is done. */
export const DESK_PAYABLE: readonly BookingStatus[] = ["CONFIRMED", "CHECKED_IN", "COMPLETED"];

export interface DeskPayment {
  paymentId: string;
  amountCents: number;
  currency: string;
}

export async function recordDeskPayment(input: { bookingId: string; actor: Actor; now?: Date }): Promise<DeskPayment> {
  const now = input.now ?? new Date();
  return runTransaction(prisma, async (tx) => {
    const visible = await tx.booking.findFirst({
      where: staffBookingScope(input.actor, input.bookingId),
      select: { id: true },
    });
    if (!visible) throw new NotFound("We couldn't find that appointment.");
    await tx.$queryRaw`SELECT "id" FROM "Booking" WHERE "id" = ${visible.id} FOR UPDATE`;
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: visible.id },
      select: {
        id: true,
        status: true,
        payAtDesk: true,
        priceCents: true,
        currency: true,
        payments: { where: { status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, select: { id: true } },
      },
    });
    if (!booking.payAtDesk) throw new Unprocessable("This appointment is paid online, not at the desk.");
    if (booking.payments.length > 0) throw new InvalidTransition("Payment for this appointment is already recorded.");
    if (!DESK_PAYABLE.includes(booking.status)) {
      throw new InvalidTransition("Payment can be recorded only for a confirmed, checked-in or completed appointment.");
    }
    const payment = await tx.payment.create({
      data: {
        bookingId: booking.id,
        method: "DESK",
        status: "SUCCEEDED",
        amountCents: booking.priceCents,
        currency: booking.currency,
        paidAt: now,
      },
      select: { id: true, amountCents: true, currency: true },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "payment.recorded_at_desk",
      entityType: "Booking",
      entityId: booking.id,
      data: { paymentId: payment.id, amountCents: payment.amountCents },
    });
    return { paymentId: payment.id, amountCents: payment.amountCents, currency: payment.currency.trim() };
  });
}

export interface DeskPaymentStatus {
  /** The booking is to be paid at the desk. */
  payAtDesk: boolean;
  /** Staff may press "Record payment at the desk" now. */
  payable: boolean;
  /** The desk payment, once recorded. */
  paid: { amountCents: number; paidAt: Date } | null;
}

/** Whether a booking staff may see awaits, or has had, its payment at the desk. */
export async function getDeskPaymentStatus(actor: Actor, bookingId: string): Promise<DeskPaymentStatus> {
  const booking = await prisma.booking.findFirst({
    where: staffBookingScope(actor, bookingId),
    select: {
      status: true,
      payAtDesk: true,
      payments: {
        where: { status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } },
        select: { method: true, amountCents: true, paidAt: true },
      },
    },
  });
  if (!booking) throw new NotFound("We couldn't find that appointment.");
  const desk = booking.payments.find((payment) => payment.method === "DESK");
  return {
    payAtDesk: booking.payAtDesk,
    payable: booking.payAtDesk && booking.payments.length === 0 && DESK_PAYABLE.includes(booking.status),
    paid: desk ? { amountCents: desk.amountCents, paidAt: desk.paidAt ?? new Date(0) } : null,
  };
}
