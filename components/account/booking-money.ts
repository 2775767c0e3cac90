// What a client paid for one appointment, in words for their list and appointment page: the amount
// that moved (not the price), any refund, or that they pay at the clinic.
import { formatMoney } from "@/lib/money";

export interface BookingMoney {
  status: string;
  priceCents: number;
  currency: string;
  amountPaidCents: number;
  amountRefundedCents: number;
  payAtDesk: boolean;
}

export function describeBookingMoney(booking: BookingMoney): string {
  const money = (cents: number) => formatMoney(cents, booking.currency);
  if (booking.amountPaidCents > 0) {
    const paid = `Paid ${money(booking.amountPaidCents)}`;
    if (booking.amountRefundedCents <= 0) return paid;
    return booking.amountRefundedCents >= booking.amountPaidCents
      ? `${paid}, refunded in full`
      : `${paid}, ${money(booking.amountRefundedCents)} refunded`;
  }
  if (booking.payAtDesk) return `Pay at the clinic (${money(booking.priceCents)})`;
  if (booking.status === "PENDING_PAYMENT") return `Awaiting payment (${money(booking.priceCents)})`;
  return "Nothing paid";
}
