// checkout.session.expired: the client never paid; release the hold on the slot.
import type Stripe from "stripe";
import { expireCheckoutHold } from "@/lib/booking/expire-booking-hold";

export async function handleCheckoutSessionExpired(event: Stripe.CheckoutSessionExpiredEvent): Promise<string> {
  return expireCheckoutHold(event.data.object.id, { id: event.id, type: event.type });
}
