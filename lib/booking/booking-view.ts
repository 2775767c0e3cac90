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
}

export const bookingViewSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  serviceName: true,
  priceCents: true,
  currency: true,
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
  };
}
