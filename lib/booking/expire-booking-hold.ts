// Releases an unpaid hold when its checkout expired. A guarded update: a hold that was paid in the
// meantime is CONFIRMED and stays so.
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
