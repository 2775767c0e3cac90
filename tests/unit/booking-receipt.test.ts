// The receipt as printed: each payment and each refund with its date and amount, the clinic's
// details, and the tax contained in the amount kept when prices include tax.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BookingReceipt } from "@/components/account/booking-receipt";
import type { ClientBookingDetails } from "@/lib/booking/get-client-booking-details";

const details: ClientBookingDetails = {
  booking: {
    id: "bk_receipt",
    status: "CANCELLED",
    startsAt: "2026-12-01T15:00:00.000Z",
    endsAt: "2026-12-01T16:00:00.000Z",
    service: { slug: "second-heart-massage-60", name: "Second Heart Calf Massage" },
    therapist: { id: "th_1", name: "Maya Lindqvist" },
    priceCents: 9500,
    currency: "usd",
    amountPaidCents: 9500,
    amountRefundedCents: 4000,
    holdExpiresAt: null,
  },
  durationMinutes: 60,
  aftercareSlug: null,
  cancellationTerms: { freeCancellationHours: 24, lateCancellationRefundPercent: 0 },
  payAtDesk: false,
  intake: null,
  cancelledAt: "2026-11-30T12:00:00.000Z",
  refundableCents: 5500,
  payments: [
    {
      id: "pay_1",
      status: "PARTIALLY_REFUNDED",
      amountCents: 9500,
      amountRefundedCents: 4000,
      currency: "usd",
      paidAt: "2026-11-20T14:30:00.000Z",
      refunds: [{ id: "re_1", amountCents: 4000, status: "SUCCEEDED", createdAt: "2026-11-30T12:00:00.000Z" }],
    },
  ],
};

const render = (tax?: { ratePercent: number; label: string }) =>
  renderToStaticMarkup(
    createElement(BookingReceipt, {
      details,
      clientName: "Robin Test",
      clientEmail: "robin@example.test",
      timeZone: "America/New_York",
      tax,
    }),
  ).replace(/\s+/g, " ");

describe("BookingReceipt", () => {
  it("lists the payment and the refund with their dates, and what was kept", () => {
    const html = render();
    expect(html).toContain("Second Heart Calf Clinic");
    expect(html).toContain("Fri, Nov 20, 2026, 9:30 AM EST");
    expect(html).toContain("Mon, Nov 30, 2026, 7:00 AM EST");
    expect(html).toContain("−$40.00");
    expect(html).toContain("$55.00");
    expect(html).not.toContain("Includes");
  });

  it("states the tax contained in the amount kept, under the configured label", () => {
    // $55.00 × 8.875 / 108.875 = $4.48
    expect(render({ ratePercent: 8.875, label: "Sales tax" })).toMatch(/Includes Sales tax \(8\.875%\).*\$4\.48/);
  });
});
