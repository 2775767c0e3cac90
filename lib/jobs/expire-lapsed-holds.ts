// Releases unpaid holds whose time ran out even when Stripe's checkout.session.expired never came.
// Stripe is asked first (a session paid at the last moment is confirmed, not released; an open one
// is closed so it can take no more money); when Stripe cannot be reached, the hold is released
// anyway by a guarded update, and a payment that still lands is refunded by confirmPaidBooking.
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { describeStripeError } from "@/lib/payments/checkout";
import { reconcileCheckoutSession } from "./reconcile-pending-payments";

async function releaseHold(bookingId: string): Promise<boolean> {
  return runTransaction(prisma, async (tx) => {
    const released = await tx.booking.updateMany({
      where: { id: bookingId, status: "PENDING_PAYMENT", holdExpiresAt: { lte: new Date() } },
      data: { status: "EXPIRED" },
    });
    if (released.count === 0) return false;
    await tx.payment.updateMany({ where: { bookingId, status: "PENDING" }, data: { status: "EXPIRED" } });
    await recordAudit(tx, {
      actorId: null,
      action: "booking.hold_expired",
      entityType: "Booking",
      entityId: bookingId,
      data: { by: "hold-expiry job" },
    });
    return true;
  });
}

export async function expireLapsedHolds(options: { limit?: number } = {}): Promise<number> {
  const lapsed = await prisma.booking.findMany({
    where: { status: "PENDING_PAYMENT", holdExpiresAt: { lte: new Date() } },
    orderBy: { holdExpiresAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true, payments: { where: { status: "PENDING" }, select: { stripeCheckoutSessionId: true } } },
  });
  let released = 0;
  for (const booking of lapsed) {
    const sessionId = booking.payments[0]?.stripeCheckoutSessionId;
    if (sessionId) {
      try {
        const outcome = await reconcileCheckoutSession(sessionId, { closeIfOpen: true });
        if (outcome === "expired") released++;
        if (outcome !== "unchanged") continue;
      } catch (error) {
        console.warn("[jobs] could not ask Stripe about a lapsed hold; releasing it", describeStripeError(error));
      }
    }
    if (await releaseHold(booking.id)) released++;
  }
  if (released > 0) invalidateAvailability();
  return released;
}
