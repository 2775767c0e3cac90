// Writes a message to the email outbox with the transaction client of the change that causes it,
// so the message exists exactly when the change does. Delivery is a separate worker's job.
import type { Prisma } from "@/lib/generated/prisma/client";

/** A file sent with a message, e.g. the appointment's .ics (content as text). */
export type EmailAttachment = {
  filename: string;
  contentType: string;
  content: string;
};

export interface OutgoingEmail {
  toAddress: string;
  subject: string;
  text: string;
  html?: string;
  template: string;
  bookingId?: string;
  // The account the message belongs to, so it shows among the client's messages.
  userId?: string;
  attachments?: EmailAttachment[];
  // One message per event ("booking-confirmed:<bookingId>"): a second enqueue of the key is a no-op.
  dedupeKey?: string;
}

export type OutboxWriter = Pick<Prisma.TransactionClient, "emailOutbox">;

/** Returns false when a message with the same dedupeKey was already written (nothing is added). */
export async function enqueueEmail(tx: OutboxWriter, email: OutgoingEmail): Promise<boolean> {
  // skipDuplicates is INSERT … ON CONFLICT DO NOTHING: a repeat never aborts the caller's transaction.
  const { count } = await tx.emailOutbox.createMany({ data: [email], skipDuplicates: true });
  return count === 1;
}
