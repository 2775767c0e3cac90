// The aftercare message after a completed visit: the service's aftercare guide and a link to book
// again, written in the transaction that completes the visit, once per booking.
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "./enqueue-email";
import { aftercareMessage } from "./templates/booking-messages";

export async function enqueueAftercare(tx: Prisma.TransactionClient, bookingId: string): Promise<void> {
  const env = getEnv();
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      clientId: true,
      serviceName: true,
      client: { select: { email: true, name: true } },
      therapist: { select: { displayName: true } },
      service: { select: { slug: true, aftercareSlug: true } },
    },
  });
  await enqueueEmail(tx, {
    toAddress: booking.client.email,
    template: "booking-aftercare",
    bookingId,
    userId: booking.clientId,
    dedupeKey: `booking-aftercare:${bookingId}`,
    ...(await aftercareMessage({
      clientName: booking.client.name,
      serviceName: booking.serviceName,
      serviceSlug: booking.service.slug,
      therapistName: booking.therapist.displayName,
      aftercareSlug: booking.service.aftercareSlug,
      appUrl: env.APP_URL,
    })),
  });
}
