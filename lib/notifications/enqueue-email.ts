// Writes a message to the email outbox with the transaction client of the change that causes it,
// so the message exists exactly when the change does. Delivery is a separate worker's job.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface OutgoingEmail {
  toAddress: string;
  subject: string;
  text: string;
  html?: string;
  template: string;
  bookingId?: string;
}

export type OutboxWriter = Pick<Prisma.TransactionClient, "emailOutbox">;

export async function enqueueEmail(tx: OutboxWriter, email: OutgoingEmail): Promise<void> {
  await tx.emailOutbox.create({ data: email });
}
