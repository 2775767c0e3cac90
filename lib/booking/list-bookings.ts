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

export async function listClientBookings(clientId: string): Promise<BookingSummary[]> {
  const rows = await prisma.booking.findMany({
    // A hold that lapsed unpaid is nothing to the client (no visit, no charge): leave it out. One
    // that was paid too late and refunded stays, so the client can see the refund.
    where: {
      clientId,
      OR: [
        { status: { not: "EXPIRED" } },
        { payments: { some: { status: { in: ["REFUNDED", "SUCCEEDED", "PARTIALLY_REFUNDED"] } } } },
      ],
    },
    orderBy: { startsAt: "desc" },
    take: 100,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export async function listBookingsBetween(start: Date, end: Date, therapistId?: string): Promise<BookingSummary[]> {
  const rows = await prisma.booking.findMany({
    where: {
      startsAt: { gte: start, lt: end },
      status: { notIn: ["EXPIRED"] },
      ...(therapistId ? { therapistId } : {}),
    },
    orderBy: [{ startsAt: "asc" }],
    select: summarySelect,
  });
  return rows.map(toSummary);
}

const FINISHED: BookingStatus[] = ["CANCELLED", "EXPIRED", "COMPLETED", "NO_SHOW"];

/** Upcoming or in progress (soonest first) and the rest (newest first), as a client's account shows them. */
export function partitionBookings(bookings: BookingSummary[], now = new Date()) {
  const upcoming = bookings
    .filter((b) => b.endsAt.getTime() > now.getTime() && !FINISHED.includes(b.status))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = bookings.filter((b) => !upcoming.includes(b));
  return { upcoming, past };
}
