// Releases unpaid holds: when Stripe says a checkout expired, and before a new booking is inserted
// over a hold that has run out but was never swept. Guarded updates: a hold that was paid in the
// meantime is CONFIRMED and stays so.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { recordStripeEvent } from "@/lib/payments/record-stripe-event";

export async function expireCheckoutHold(
  checkoutSessionId: string,
  event?: { id: string; type: string },
): Promise<"expired" | "unchanged" | "duplicate_event"> {
  return runTransaction(prisma, async (tx) => {
    if ((await recordStripeEvent(tx, event)) === "duplicate") return "duplicate_event";
    const payment = await tx.payment.findUnique({
      where: { stripeCheckoutSessionId: checkoutSessionId },
      select: { id: true, bookingId: true },
    });
    if (!payment) return "unchanged";
    await tx.payment.updateMany({ where: { id: payment.id, status: "PENDING" }, data: { status: "EXPIRED" } });
    const expired = await tx.booking.updateMany({
      where: { id: payment.bookingId, status: "PENDING_PAYMENT" },
      data: { status: "EXPIRED" },
    });
    if (expired.count === 0) return "unchanged";
    await recordAudit(tx, {
      actorId: null,
      action: "booking.hold_expired",
      entityType: "Booking",
      entityId: payment.bookingId,
      data: { checkoutSessionId, eventId: event?.id ?? null },
    });
    return "expired";
  }).then((outcome) => {
    if (outcome === "expired") invalidateAvailability();
    return outcome;
  });
}

/**
 * Inside a booking transaction: expires this therapist's holds that have run out and overlap
 * [startsAt, blockedUntil), so the exclusion constraint no longer counts them.
 */
export async function expireLapsedHoldsOverlapping(
  tx: Prisma.TransactionClient,
  therapistId: string,
  startsAt: Date,
  blockedUntil: Date,
): Promise<number> {
  const lapsed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Booking" SET "status" = 'EXPIRED', "updatedAt" = now()
    WHERE "therapistId" = ${therapistId}
      AND "status" = 'PENDING_PAYMENT'
      AND "holdExpiresAt" <= now()
      AND tstzrange("startsAt", "blockedUntil", '[)') && tstzrange(${startsAt}::timestamptz, ${blockedUntil}::timestamptz, '[)')
    RETURNING "id"`;
  if (lapsed.length === 0) return 0;
  const ids = lapsed.map((row) => row.id);
  await tx.payment.updateMany({ where: { bookingId: { in: ids }, status: "PENDING" }, data: { status: "EXPIRED" } });
  await tx.auditLog.createMany({
    data: ids.map((id) => ({ actorId: null, action: "booking.hold_expired", entityType: "Booking", entityId: id })),
  });
  return ids.length;
}
