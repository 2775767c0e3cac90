// Each service's own cancellation terms decide the refund and the client's online cut-off: a
// service with 48 hours' free cancellation and a 50% late refund gives half back 30 hours ahead,
// and the client can no longer move it online; calf symptoms still waive the fee.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { prisma } from "@/lib/db";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { createBookableService } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

const HOUR_MS = 3_600_000;
let harness: PaymentsHarness;
let dayOffset = 30;
const nextStart = () => clinicTimeAhead(dayOffset++, 9);

beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

async function strictService() {
  const bookable = await createBookableService();
  await prisma.service.update({
    where: { id: bookable.service.id },
    data: { freeCancellationHours: 48, lateCancellationRefundPercent: 50, priceCents: 9999 },
  });
  return { ...bookable, service: { ...bookable.service, priceCents: 9999 } };
}

describe(`per-service cancellation terms (${ENGINE})`, () => {
  it("refunds the service's late share, rounded down, inside its own cut-off", async () => {
    const start = nextStart();
    const { bookingId, client } = await confirmedBooking(harness, { bookable: await strictService(), start });
    const result = await cancelBooking({
      bookingId,
      actor: { id: client.id, role: "CLIENT" },
      now: new Date(start.getTime() - 30 * HOUR_MS),
    });
    expect(result.refundCents).toBe(4999);
    const refunds = await prisma.refund.findMany({ where: { payment: { bookingId } } });
    expect(refunds).toEqual([expect.objectContaining({ amountCents: 4999, reason: "cancellation:late_partial" })]);
    const message = await prisma.emailOutbox.findFirstOrThrow({ where: { bookingId, template: "booking-cancelled" } });
    expect(message.text).toContain("$49.99");
  });

  it("still waives the fee for new calf symptoms", async () => {
    const start = nextStart();
    const { bookingId, client } = await confirmedBooking(harness, { bookable: await strictService(), start });
    const result = await cancelBooking({
      bookingId,
      actor: { id: client.id, role: "CLIENT" },
      newCalfSymptoms: true,
      now: new Date(start.getTime() - 30 * HOUR_MS),
    });
    expect(result.refundCents).toBe(9999);
  });

  it("holds the client's online move to the service's cut-off", async () => {
    const start = nextStart();
    const { bookingId, client } = await confirmedBooking(harness, { bookable: await strictService(), start });
    const attempt = rescheduleBooking({
      bookingId,
      actor: { id: client.id, role: "CLIENT" },
      start: new Date(start.getTime() + 24 * HOUR_MS),
      now: new Date(start.getTime() - 30 * HOUR_MS),
    });
    await expect(attempt).rejects.toBeInstanceOf(Unprocessable);
    await expect(attempt).rejects.toThrow("up to 2 days before it starts");
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } })).startsAt).toEqual(start);
  });
});
