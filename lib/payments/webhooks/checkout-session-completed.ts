// checkout.session.completed: the client paid; confirm the booking (or refund a lost slot).
import type Stripe from "stripe";
import { confirmPaidBooking } from "@/lib/booking/confirm-paid-booking";

export async function handleCheckoutSessionCompleted(
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
): Promise<string> {
  return confirmPaidBooking(event.data.object, { id: event.id, type: event.type });
}
