// Asks Stripe about checkouts we have not heard back from, so a lost webhook costs minutes, not a
// booking: a paid session is confirmed through the webhook's own idempotent path, an expired one
// releases its hold. Also sends refunds that were decided but never reached Stripe.
import { confirmPaidBooking } from "@/lib/booking/confirm-paid-booking";
import { expireCheckoutHold } from "@/lib/booking/expire-booking-hold";
import { prisma } from "@/lib/db";
import { describeStripeError, expireCheckoutSession, retrieveCheckoutSession } from "@/lib/payments/checkout";
import { executeRefund } from "@/lib/payments/refund-payment";

export type ReconcileOutcome = "confirmed" | "expired" | "open" | "unchanged";

/** Brings one checkout in line with Stripe. With closeIfOpen, a still-open session is closed first. */
export async function reconcileCheckoutSession(
  sessionId: string,
  { closeIfOpen = false }: { closeIfOpen?: boolean } = {},
): Promise<ReconcileOutcome> {
  const session = await retrieveCheckoutSession(sessionId);
  if (session.payment_status === "paid") {
    const outcome = await confirmPaidBooking(session);
    return outcome === "confirmed" || outcome === "already_confirmed" ? "confirmed" : "unchanged";
  }
  if (session.status === "open") {
    if (!closeIfOpen) return "open";
    await expireCheckoutSession(sessionId);
  }
  return (await expireCheckoutHold(sessionId)) === "expired" ? "expired" : "unchanged";
}

// A webhook normally lands within seconds; after this long we stop waiting and ask. With the job
// every minute, a paid session whose webhook was lost is confirmed within about three minutes.
export const RECONCILE_AFTER_MS = 2 * 60_000;

export async function reconcilePendingPayments(
  options: { olderThanMs?: number; limit?: number } = {},
): Promise<Record<ReconcileOutcome | "error", number>> {
  const report = { confirmed: 0, expired: 0, open: 0, unchanged: 0, error: 0 };
  const pending = await prisma.payment.findMany({
    where: {
      status: "PENDING",
      method: "STRIPE_CHECKOUT",
      createdAt: { lte: new Date(Date.now() - (options.olderThanMs ?? RECONCILE_AFTER_MS)) },
    },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: { stripeCheckoutSessionId: true },
  });
  for (const { stripeCheckoutSessionId } of pending) {
    if (!stripeCheckoutSessionId) continue;
    try {
      report[await reconcileCheckoutSession(stripeCheckoutSessionId)]++;
    } catch (error) {
      report.error++;
      console.warn("[jobs] reconciling a checkout failed; next run retries", describeStripeError(error));
    }
  }
  return report;
}

// Refunds are normally sent straight after they are decided; one still PENDING this long after
// never reached Stripe (or Stripe has not settled it) and is sent again with its idempotency key.
const REFUND_RETRY_AFTER_MS = 5 * 60_000;

export async function retryPendingRefunds(options: { olderThanMs?: number; limit?: number } = {}): Promise<number> {
  const stuck = await prisma.refund.findMany({
    where: {
      status: "PENDING",
      updatedAt: { lte: new Date(Date.now() - (options.olderThanMs ?? REFUND_RETRY_AFTER_MS)) },
    },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true },
  });
  let retried = 0;
  for (const refund of stuck) {
    try {
      await executeRefund(refund.id);
      retried++;
    } catch (error) {
      console.warn(`[jobs] refund ${refund.id} could not be sent; next run retries`, describeStripeError(error));
    }
  }
  return retried;
}
