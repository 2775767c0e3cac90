// The return from a payment link's checkout (/pay/done): like the online booking's success page, it
// asks Stripe about the session through the same idempotent confirmation the webhook uses, so the
// booking rarely waits for the webhook. Only a session of a phone booking is looked up at Stripe;
// anything else is "unknown" without a call. It answers with the status alone, no booking details.
import { prisma } from "@/lib/db";
import { confirmCheckoutSession } from "./confirm-paid-booking";

export type PaymentLinkReturn = "confirmed" | "pending" | "unknown";

export async function confirmPaymentLinkReturn(sessionId: string): Promise<PaymentLinkReturn> {
  const statusOf = async () =>
    (
      await prisma.payment.findUnique({
        where: { stripeCheckoutSessionId: sessionId },
        select: { booking: { select: { status: true, bookedById: true } } },
      })
    )?.booking;
  const booking = await statusOf();
  if (!booking?.bookedById) return "unknown";
  if (booking.status === "PENDING_PAYMENT") {
    try {
      await confirmCheckoutSession(sessionId);
    } catch (error) {
      // Stripe unreachable for a moment: the webhook still confirms.
      console.warn("[pay/done] checkout session check failed", error instanceof Error ? error.name : typeof error);
    }
  }
  return (await statusOf())?.status === "CONFIRMED" ? "confirmed" : "pending";
}
