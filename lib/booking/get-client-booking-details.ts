// One of a client's own appointments with everything their account page and receipt show: the
// booking as the API shows it, their own health answers, the aftercare guide, and each payment with
// its refunds. Scoped to the client: anyone else's id is the same null as no booking.
import { prisma } from "@/lib/db";
import type { PaymentStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { cancellationTermsSelect, type CancellationTerms } from "./cancellation-policy";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { readStoredIntake, type StoredIntake } from "./intake";

const REFUNDABLE: PaymentStatus[] = ["SUCCEEDED", "PARTIALLY_REFUNDED"];

export interface ReceiptRefund {
  id: string;
  amountCents: number;
  status: RefundStatus;
  createdAt: string;
}

export interface ReceiptPayment {
  id: string;
  status: PaymentStatus;
  amountCents: number;
  amountRefundedCents: number;
  currency: string;
  paidAt: string | null;
  refunds: ReceiptRefund[];
}

export interface ClientBookingDetails {
  booking: BookingView;
  durationMinutes: number;
  aftercareSlug: string | null;
  /** The service's cancellation terms, which decide the refund. */
  cancellationTerms: CancellationTerms;
  /** Confirmed without online payment: the client pays at the clinic. */
  payAtDesk: boolean;
  intake: StoredIntake | null;
  cancelledAt: string | null;
  payments: ReceiptPayment[];
  /** What a cancellation could still give back: paid, less refunds decided and not failed. */
  refundableCents: number;
}

export async function getClientBookingDetails(
  clientId: string,
  bookingId: string,
): Promise<ClientBookingDetails | null> {
  const row = await prisma.booking.findFirst({
    where: { id: bookingId, clientId },
    select: {
      ...bookingViewSelect,
      durationMinutes: true,
      intake: true,
      cancelledAt: true,
      payAtDesk: true,
      service: { select: { slug: true, aftercareSlug: true, ...cancellationTermsSelect } },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          amountCents: true,
          amountRefundedCents: true,
          currency: true,
          paidAt: true,
          refunds: {
            orderBy: { createdAt: "asc" },
            select: { id: true, amountCents: true, status: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!row) return null;
  const intake = readStoredIntake(row.intake);
  const refundable = row.payments
    .filter((payment) => REFUNDABLE.includes(payment.status))
    .reduce(
      (sum, payment) =>
        sum +
        payment.amountCents -
        payment.refunds
          .filter((refund) => refund.status !== "FAILED")
          .reduce((total, refund) => total + refund.amountCents, 0),
      0,
    );
  return {
    booking: toBookingView(row),
    durationMinutes: row.durationMinutes,
    aftercareSlug: row.service.aftercareSlug,
    cancellationTerms: {
      freeCancellationHours: row.service.freeCancellationHours,
      lateCancellationRefundPercent: row.service.lateCancellationRefundPercent,
    },
    payAtDesk: row.payAtDesk,
    intake,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    refundableCents: Math.max(0, refundable),
    // Only money that moved: a checkout that was never paid is not on a receipt.
    payments: row.payments
      .filter((payment) => payment.paidAt !== null)
      .map((payment) => ({
        id: payment.id,
        status: payment.status,
        amountCents: payment.amountCents,
        amountRefundedCents: payment.amountRefundedCents,
        currency: payment.currency.trim(),
        paidAt: payment.paidAt?.toISOString() ?? null,
        refunds: payment.refunds.map((refund) => ({
          id: refund.id,
          amountCents: refund.amountCents,
          status: refund.status,
          createdAt: refund.createdAt.toISOString(),
        })),
      })),
  };
}
