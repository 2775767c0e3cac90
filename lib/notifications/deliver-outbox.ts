// Delivers the email outbox. A short statement claims due rows (FOR UPDATE SKIP LOCKED, so two
// workers never take the same row) and leases them: `attempts` goes up and `sendAfter` moves past
// the lease, so the rows of a worker that crashed mid-send come back by themselves. Sending happens
// outside any transaction; then a guarded update marks the row SENT, schedules a retry with
// exponential back-off, or after the last attempt leaves it FAILED with the reason.
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeSendError, getEmailTransport, type EmailTransport, type OutboxMessage } from "./email-transport";

export const OUTBOX_MAX_ATTEMPTS = 8;
// Longer than any one send may take (the SMTP timeouts are 30 s each).
const LEASE_MS = 5 * 60_000;
const RETRY_BASE_MS = 60_000;
const RETRY_CAP_MS = 6 * 60 * 60_000;

/** 1 min after the first failure, then 2, 4, 8 … up to 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
}

export interface DeliverOutboxOptions {
  transport?: EmailTransport;
  batchSize?: number;
  maxAttempts?: number;
  /** Stop after this many batches, so one tick of the job runner stays short. */
  maxBatches?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

type ClaimedMessage = OutboxMessage & { attempts: number };

async function claimDueMessages(batchSize: number): Promise<ClaimedMessage[]> {
  return prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "EmailOutbox"
    SET "attempts" = "attempts" + 1, "sendAfter" = now() + ${LEASE_MS} * interval '1 millisecond'
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'PENDING' AND "sendAfter" <= now()
      ORDER BY "sendAfter", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "subject", "text", "html", "attachments", "attempts"`;
}

// Guarded by the attempt this worker claimed: if its lease ran out and another worker took the row,
// the later claim decides the row's state, not this one.
const stillOurs = (message: ClaimedMessage) => ({
  id: message.id,
  status: "PENDING" as const,
  attempts: message.attempts,
});

async function deliverOne(
  message: ClaimedMessage,
  transport: EmailTransport,
  maxAttempts: number,
  smtpUrl: string | undefined,
): Promise<keyof DeliveryReport> {
  try {
    await transport.send(message);
  } catch (error) {
    const lastError = describeSendError(error, smtpUrl);
    if (message.attempts >= maxAttempts) {
      await prisma.emailOutbox.updateMany({ where: stillOurs(message), data: { status: "FAILED", lastError } });
      console.warn(`[outbox] message ${message.id} failed after ${message.attempts} attempts: ${lastError}`);
      return "failed";
    }
    await prisma.emailOutbox.updateMany({
      where: stillOurs(message),
      data: { lastError, sendAfter: new Date(Date.now() + retryDelayMs(message.attempts)) },
    });
    return "retrying";
  }
  await prisma.emailOutbox.updateMany({
    where: stillOurs(message),
    data: { status: "SENT", sentAt: new Date(), lastError: null },
  });
  return "sent";
}

export async function deliverOutbox(options: DeliverOutboxOptions = {}): Promise<DeliveryReport> {
  const transport = options.transport ?? getEmailTransport();
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  const smtpUrl = getEnv().SMTP_URL;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const claimed = await claimDueMessages(batchSize);
    for (const message of claimed) report[await deliverOne(message, transport, maxAttempts, smtpUrl)]++;
    if (claimed.length < batchSize) break;
  }
  return report;
}

/** Staff's "retry" on a failed message: due now, with a fresh set of attempts. */
export async function retryFailedEmail(id: string): Promise<boolean> {
  const { count } = await prisma.emailOutbox.updateMany({
    where: { id, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, sendAfter: new Date() },
  });
  return count === 1;
}
