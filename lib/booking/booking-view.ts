// A booking as the JSON API and the pages show it (DESIGN.md "Contracts"): the price snapshot taken
// at booking time, and what was actually paid and refunded.
import type { BookingStatus, PaymentStatus } from "@/lib/generated/prisma/enums";

export interface BookingView {
  id: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  service: { slug: string; name: string };
  therapist: { id: string; name: string };
  priceCents: number;
  currency: string;
  amountPaidCents: number;
  amountRefundedCents: number;
  /** While awaiting payment: when its checkout closes and the time is let go. Otherwise null. */
  holdExpiresAt: string | null;
}

// The hold outlasts its checkout by a short grace period (see create-booking.ts); a client is told
// when the checkout closes, the moment that matters to them.
export const HOLD_GRACE_MINUTES = 3;

export function checkoutExpiryOf(holdExpiresAt: Date): Date {
  return new Date(holdExpiresAt.getTime() - HOLD_GRACE_MINUTES * 60_000);
}

export const bookingViewSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  serviceName: true,
  priceCents: true,
  currency: true,
  holdExpiresAt: true,
  service: { select: { slug: true } },
  therapist: { select: { id: true, displayName: true } },
  payments: { select: { status: true, amountCents: true, amountRefundedCents: true } },
} as const;

export interface BookingViewRow {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  priceCents: number;
  currency: string;
  holdExpiresAt: Date | null;
  service: { slug: string };
  therapist: { id: string; displayName: string };
  payments: { status: PaymentStatus; amountCents: number; amountRefundedCents: number }[];
}

const PAID: PaymentStatus[] = ["SUCCEEDED", "REFUNDED", "PARTIALLY_REFUNDED"];

export function toBookingView(row: BookingViewRow): BookingView {
  const paid = row.payments.filter((payment) => PAID.includes(payment.status));
  return {
    id: row.id,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    // The name as booked: a later rename of the service does not rewrite a client's history.
    service: { slug: row.service.slug, name: row.serviceName },
    therapist: { id: row.therapist.id, name: row.therapist.displayName },
    priceCents: row.priceCents,
    currency: row.currency,
    amountPaidCents: paid.reduce((sum, payment) => sum + payment.amountCents, 0),
    amountRefundedCents: paid.reduce((sum, payment) => sum + payment.amountRefundedCents, 0),
    holdExpiresAt:
      row.status === "PENDING_PAYMENT" && row.holdExpiresAt ? checkoutExpiryOf(row.holdExpiresAt).toISOString() : null,
  };
}
