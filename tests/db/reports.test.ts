// The admin report on a real database: a seeded March (with its daylight-saving Sunday) gives the
// figures a person would count by hand — bookings by status, money taken at the desk and by card,
// a refund, a no-show, utilisation from hours, breaks and time off — dated in the clinic's zone, and
// its CSV keeps hostile therapist names from running as spreadsheet formulas.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reportToCsv } from "@/lib/reports/report-csv";
import { getClinicReport } from "@/lib/reports/reports";
import { wallTimeToUtc } from "@/lib/time/clinic-time";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";
import { getClinic } from "@/lib/clinic/get-clinic";

const timeZone = getClinic().timeZone;
const march = (day: number, hour: number, minute = 0) =>
  wallTimeToUtc({ year: 2031, month: 3, day, hour, minute }, timeZone);
const april = (day: number, hour: number) => wallTimeToUtc({ year: 2031, month: 4, day, hour, minute: 0 }, timeZone);

async function seedMarch() {
  const hostile = await createTherapist();
  const other = await createTherapist();
  await prisma.therapist.update({ where: { id: hostile.id }, data: { displayName: '=HYPERLINK("http://evil.test")' } });
  await prisma.therapist.update({ where: { id: other.id }, data: { displayName: "-Bob\t+1" } });
  // Weekdays 9 to 5 with lunch 12 to 1, and Monday 10 March off; the other therapist works Sundays
  // around the clock (9 March is the 23-hour day the clocks go forward).
  await prisma.workingHours.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ therapistId: hostile.id, weekday, startMinute: 540, endMinute: 1020 })),
  });
  await prisma.therapistBreak.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ therapistId: hostile.id, weekday, startMinute: 720, endMinute: 780 })),
  });
  await prisma.timeOff.create({ data: { therapistId: hostile.id, startsAt: march(10, 0), endsAt: march(11, 0) } });
  await prisma.workingHours.create({ data: { therapistId: other.id, weekday: 0, startMinute: 0, endMinute: 1440 } });

  const hour = await createService({ durationMinutes: 60, bufferMinutes: 0 });
  const long = await prisma.service.update({
    where: { id: (await createService({ durationMinutes: 90, bufferMinutes: 0 })).id },
    data: { priceCents: 12000 },
  });
  const client = await createUser();
  const book = async (
    therapistId: string,
    service: typeof hour,
    startsAt: Date,
    status: "CONFIRMED" | "COMPLETED" | "NO_SHOW" | "CANCELLED" | "EXPIRED",
    paid?: { method: "STRIPE_CHECKOUT" | "DESK"; refunded?: boolean },
  ) => {
    const booking = await prisma.booking.create({
      data: {
        ...bookingData({ clientId: client.id, therapistId, service, startsAt, status }),
        payAtDesk: paid?.method === "DESK",
      },
    });
    if (!paid) return booking;
    const stripe = paid.method === "STRIPE_CHECKOUT";
    const payment = await prisma.payment.create({
      data: {
        bookingId: booking.id,
        method: paid.method,
        stripeCheckoutSessionId: stripe ? `cs_test_${randomUUID()}` : null,
        stripePaymentIntentId: stripe ? `pi_test_${randomUUID()}` : null,
        status: paid.refunded ? "REFUNDED" : "SUCCEEDED",
        amountCents: service.priceCents,
        amountRefundedCents: paid.refunded ? service.priceCents : 0,
        currency: "usd",
        paidAt: startsAt,
      },
    });
    if (paid.refunded) {
      await prisma.refund.create({
        data: {
          paymentId: payment.id,
          idempotencyKey: `report-${payment.id}`,
          amountCents: service.priceCents,
          reason: "cancellation:full_notice",
          status: "SUCCEEDED",
          createdAt: march(5, 12),
        },
      });
    }
    return booking;
  };
  const card = { method: "STRIPE_CHECKOUT" as const };
  await book(hostile.id, hour, march(3, 10), "COMPLETED", card);
  // 10 pm on 31 March in the clinic is already 1 April in UTC: still March's.
  await book(hostile.id, hour, march(31, 22), "COMPLETED", card);
  await book(hostile.id, hour, march(4, 10), "NO_SHOW", card);
  await book(hostile.id, hour, march(5, 10), "CANCELLED", { ...card, refunded: true });
  await book(hostile.id, hour, march(6, 10), "EXPIRED");
  await book(hostile.id, hour, april(1, 10), "COMPLETED", card); // April's
  await book(other.id, long, march(9, 10), "CONFIRMED", { method: "DESK" });
  return { hostile, other };
}

describe(`clinic report (${ENGINE})`, () => {
  it("counts a seeded March per therapist and in total, with its refund, no-show and utilisation", async () => {
    const { hostile, other } = await seedMarch();
    const report = await getClinicReport({ from: "2031-03-01", to: "2031-03-31" }, timeZone);
    const rowOf = (id: string) => report.rows.find((row) => row.therapistId === id);

    expect(rowOf(hostile.id)).toMatchObject({
      bookings: { COMPLETED: 2, NO_SHOW: 1, CANCELLED: 1, EXPIRED: 1, CONFIRMED: 0 },
      totalBookings: 5,
      noShows: 1,
      revenueCents: 4 * 9500,
      deskRevenueCents: 0,
      refundCents: 9500,
      netCents: 3 * 9500,
      bookedMinutes: 180, // completed twice and a no-show; not the cancellation or the lapsed hold
      // 21 weekdays of 7 working hours, less Monday 10 March off.
      workingMinutes: 20 * 420,
    });
    expect(rowOf(hostile.id)?.utilisation).toBeCloseTo(180 / 8400, 10);
    expect(rowOf(other.id)).toMatchObject({
      bookings: { CONFIRMED: 1 },
      revenueCents: 12000,
      deskRevenueCents: 12000,
      refundCents: 0,
      bookedMinutes: 90,
      // Five Sundays, one of them 23 hours long.
      workingMinutes: 4 * 1440 + 1380,
    });

    const ours = [rowOf(hostile.id), rowOf(other.id)];
    expect(report.total.revenueCents).toBeGreaterThanOrEqual(
      ours.reduce((sum, row) => sum + (row?.revenueCents ?? 0), 0),
    );
    expect(report.total.noShows).toBeGreaterThanOrEqual(1);
    expect(report.total.refundCents).toBeGreaterThanOrEqual(9500);

    // April is a period of its own.
    const aprilReport = await getClinicReport({ from: "2031-04-01", to: "2031-04-30" }, timeZone);
    expect(aprilReport.rows.find((row) => row.therapistId === hostile.id)).toMatchObject({
      bookings: { COMPLETED: 1 },
      revenueCents: 9500,
    });
  });

  it("writes a CSV in which no cell can start a formula", async () => {
    await seedMarch();
    const csv = reportToCsv(await getClinicReport({ from: "2031-03-01", to: "2031-03-31" }, timeZone));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(csv).toContain("'-Bob\t+1");
    // Every cell, parsed back the simple way (no cell here holds a newline): none starts dangerously.
    const cells = csv
      .trim()
      .split("\n")
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
      .map((cell) => cell.replace(/,$/, "").replace(/^"|"$/g, ""))
      .filter((cell) => cell !== "");
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(csv.split("\n")[0]).toMatch(/^Therapist,Bookings,/);
  });
});
