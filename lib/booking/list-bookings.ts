// Reading bookings: a client's own, and one clinic day's for staff.
import { prisma } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";

export interface BookingSummary {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  priceCents: number;
  currency: string;
  therapistName: string;
  clientName: string | null;
}

const summarySelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  serviceName: true,
  priceCents: true,
  currency: true,
  therapist: { select: { displayName: true } },
  client: { select: { name: true } },
} as const;

type SummaryRow = {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  priceCents: number;
  currency: string;
  therapist: { displayName: string };
  client: { name: string | null };
};

function toSummary(row: SummaryRow): BookingSummary {
  return {
    id: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    serviceName: row.serviceName,
    priceCents: row.priceCents,
    currency: row.currency,
    therapistName: row.therapist.displayName,
    clientName: row.client.name,
  };
}

/** One of a client's appointments in their list: with what was paid and refunded, not just the price. */
export interface ClientBookingSummary extends BookingSummary {
  amountPaidCents: number;
  amountRefundedCents: number;
  /** Confirmed without online payment: the client pays at the clinic. */
  payAtDesk: boolean;
}

const PAID_STATUSES = ["SUCCEEDED", "REFUNDED", "PARTIALLY_REFUNDED"] as const;

export async function listClientBookings(clientId: string): Promise<ClientBookingSummary[]> {
  const rows = await prisma.booking.findMany({
    // A hold that lapsed unpaid is nothing to the client (no visit, no charge): leave it out. One
    // that was paid too late and refunded stays, so the client can see the refund.
    where: {
      clientId,
      OR: [{ status: { not: "EXPIRED" } }, { payments: { some: { status: { in: [...PAID_STATUSES] } } } }],
    },
    orderBy: { startsAt: "desc" },
    take: 100,
    select: {
      ...summarySelect,
      payAtDesk: true,
      payments: {
        where: { status: { in: [...PAID_STATUSES] } },
        select: { amountCents: true, amountRefundedCents: true },
      },
    },
  });
  return rows.map((row) => ({
    ...toSummary(row),
    payAtDesk: row.payAtDesk,
    amountPaidCents: row.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    amountRefundedCents: row.payments.reduce((sum, payment) => sum + payment.amountRefundedCents, 0),
  }));
}

const FINISHED: BookingStatus[] = ["CANCELLED", "EXPIRED", "COMPLETED", "NO_SHOW"];

/** Upcoming or in progress (soonest first) and the rest (newest first), as a client's account shows them. */
export function partitionBookings<T extends BookingSummary>(bookings: T[], now = new Date()) {
  const upcoming = bookings
    .filter((b) => b.endsAt.getTime() > now.getTime() && !FINISHED.includes(b.status))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = bookings.filter((b) => !upcoming.includes(b));
  return { upcoming, past };
}
