// refund.updated / refund.failed: a refund settled at Stripe after the call that created it, or
// failed (a closed card): book it as Stripe says, with the event id stored in the same transaction.
import type Stripe from "stripe";
import { settleRefund } from "@/lib/payments/refund-payment";

export async function handleRefundUpdated(
  event: Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent,
): Promise<string> {
  const refund = event.data.object;
  return settleRefund(
    { id: refund.id, status: refund.status, metadata: refund.metadata },
    { id: event.id, type: event.type },
  );
}
