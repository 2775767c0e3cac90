// The client's "refund sent" message, written in the transaction that books a refund Stripe
// confirmed, once per refund (dedupeKey on the refund's id).
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "./enqueue-email";
import { refundSentMessage } from "./templates/booking-messages";
import { getClinic } from "@/lib/clinic/get-clinic";

export async function enqueueRefundNotice(tx: Prisma.TransactionClient, refundId: string): Promise<void> {
  const env = getEnv();
  const refund = await tx.refund.findUnique({
    where: { id: refundId },
    select: {
      amountCents: true,
      payment: {
        select: {
          currency: true,
          booking: {
            select: {
              id: true,
              clientId: true,
              serviceName: true,
              startsAt: true,
              client: { select: { email: true, name: true } },
            },
          },
        },
      },
    },
  });
  if (!refund) return;
  const { booking } = refund.payment;
  await enqueueEmail(tx, {
    toAddress: booking.client.email,
    template: "refund-sent",
    bookingId: booking.id,
    userId: booking.clientId,
    dedupeKey: `refund-sent:${refundId}`,
    ...(await refundSentMessage({
      clientName: booking.client.name,
      serviceName: booking.serviceName,
      startsAt: booking.startsAt,
      amountCents: refund.amountCents,
      currency: refund.payment.currency.trim(),
      timeZone: getClinic().timeZone,
      appUrl: env.APP_URL,
    })),
  });
}
