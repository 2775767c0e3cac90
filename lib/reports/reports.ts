// The clinic's report for a period of clinic dates (admins): per therapist and in total, bookings by
// status, money taken (Stripe and desk payments) and refunded, no-shows and utilisation. Five reads,
// however long the period; the arithmetic is report-math.ts.
import { prisma } from "@/lib/db";
import { clinicDayBounds } from "@/lib/time/clinic-time";
import {
  BOOKED_TIME_STATUSES,
  emptyStatusCounts,
  REPORT_STATUSES,
  toReportRow,
  totalRow,
  workingMinutes,
  type ReportPeriod,
  type ReportRow,
  type TherapistFigures,
} from "./report-math";

export interface ClinicReport {
  period: ReportPeriod;
  timeZone: string;
  currency: string;
  rows: ReportRow[];
  total: ReportRow;
}

const PAID_STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;

export async function getClinicReport(period: ReportPeriod, timeZone: string): Promise<ClinicReport> {
  const start = clinicDayBounds(period.from, timeZone).start;
  const end = clinicDayBounds(period.to, timeZone).end;
  const inPeriod = { gte: start, lt: end };

  const [therapists, bookings, payments, refunds] = await Promise.all([
    prisma.therapist.findMany({
      where: { OR: [{ active: true }, { bookings: { some: { startsAt: inPeriod } } }] },
      orderBy: { displayName: "asc" },
      select: {
        id: true,
        displayName: true,
        workingHours: { select: { weekday: true, startMinute: true, endMinute: true } },
        breaks: { select: { weekday: true, startMinute: true, endMinute: true } },
        timeOff: { where: { startsAt: { lt: end }, endsAt: { gt: start } }, select: { startsAt: true, endsAt: true } },
      },
    }),
    prisma.booking.groupBy({
      by: ["therapistId", "status"],
      where: { startsAt: inPeriod },
      _count: { _all: true },
      _sum: { durationMinutes: true },
    }),
    // Money is counted when it moved: a payment on the day it was paid, a refund on the day it was made.
    prisma.payment.findMany({
      where: { status: { in: [...PAID_STATUSES] }, paidAt: inPeriod },
      select: { amountCents: true, currency: true, method: true, booking: { select: { therapistId: true } } },
    }),
    prisma.refund.findMany({
      where: { status: "SUCCEEDED", createdAt: inPeriod },
      select: { amountCents: true, payment: { select: { booking: { select: { therapistId: true } } } } },
    }),
  ]);

  const figures = new Map<string, TherapistFigures>(
    therapists.map((therapist) => [
      therapist.id,
      {
        therapistId: therapist.id,
        name: therapist.displayName,
        bookings: emptyStatusCounts(),
        bookedMinutes: 0,
        workingMinutes: workingMinutes(therapist, period, timeZone),
        revenueCents: 0,
        deskRevenueCents: 0,
        refundCents: 0,
      },
    ]),
  );
  for (const group of bookings) {
    const row = figures.get(group.therapistId);
    if (!row || !(REPORT_STATUSES as readonly string[]).includes(group.status)) continue;
    row.bookings[group.status] += group._count._all;
    if (BOOKED_TIME_STATUSES.includes(group.status)) row.bookedMinutes += group._sum.durationMinutes ?? 0;
  }
  for (const payment of payments) {
    const row = figures.get(payment.booking.therapistId);
    if (!row) continue;
    row.revenueCents += payment.amountCents;
    if (payment.method === "DESK") row.deskRevenueCents += payment.amountCents;
  }
  for (const refund of refunds) {
    const row = figures.get(refund.payment.booking.therapistId);
    if (row) row.refundCents += refund.amountCents;
  }

  const rows = [...figures.values()].map(toReportRow);
  return {
    period,
    timeZone,
    currency: payments[0]?.currency.trim() ?? "usd",
    rows,
    total: totalRow(rows),
  };
}
