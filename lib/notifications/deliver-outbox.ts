// Delivers the email outbox: rows are claimed and leased so two workers never send one message,
// and a crashed worker's rows come back by themselves. The steps are described at deliverOutbox.
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeSendError, getEmailTransport, type EmailTransport, type OutboxMessage } from "./email-transport";

export const OUTBOX_MAX_ATTEMPTS = 8;
// A worker killed mid-batch (SIGKILL, a crash) holds its claimed messages this long at most; a send
// that takes longer renews it every LEASE_RENEW_MS, so no second worker claims it meanwhile.
export const OUTBOX_LEASE_MS = 60_000;
const LEASE_RENEW_MS = 20_000;
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
  /** Aborted on shutdown: the message under way finishes, the rest claimed go back, none is claimed. */
  signal?: AbortSignal;
  /** How often a send under way renews its lease (tests shorten it). */
  leaseRenewMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /**
   * Claimed, then not sent by this worker: handed back because it was asked to stop, or found,
   * right before its turn, to have outlived its lease and been claimed by another worker.
   */
  released: number;
}

type ClaimedMessage = OutboxMessage & { attempts: number };

async function claimDueMessages(batchSize: number): Promise<ClaimedMessage[]> {
  return prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "EmailOutbox"
    SET "attempts" = "attempts" + 1, "sendAfter" = now() + ${OUTBOX_LEASE_MS} * interval '1 millisecond'
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

// While a send is under way, its lease is pushed forward, so only a dead worker's messages come back.
function renewLeaseWhileSending(message: ClaimedMessage, everyMs: number): () => void {
  const timer = setInterval(() => {
    void prisma.emailOutbox
      .updateMany({ where: stillOurs(message), data: { sendAfter: new Date(Date.now() + OUTBOX_LEASE_MS) } })
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Hands claimed messages back unsent: due now, and the claim's attempt no longer counted. */
async function releaseClaimed(messages: ClaimedMessage[]): Promise<number> {
  let released = 0;
  for (const message of messages) {
    const { count } = await prisma.emailOutbox.updateMany({
      where: stillOurs(message),
      data: { attempts: message.attempts - 1, sendAfter: new Date() },
    });
    released += count;
  }
  return released;
}

async function deliverOne(
  message: ClaimedMessage,
  transport: EmailTransport,
  maxAttempts: number,
  smtpUrl: string | undefined,
  leaseRenewMs: number,
): Promise<keyof DeliveryReport> {
  // Still ours, with a fresh lease, right before sending: a message further down a slow batch may
  // have outlived its lease and been claimed (and sent) by another worker meanwhile; then this one
  // leaves it alone instead of sending it a second time.
  const renewed = await prisma.emailOutbox.updateMany({
    where: stillOurs(message),
    data: { sendAfter: new Date(Date.now() + OUTBOX_LEASE_MS) },
  });
  if (renewed.count === 0) return "released";
  const stopRenewing = renewLeaseWhileSending(message, leaseRenewMs);
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
  } finally {
    stopRenewing();
  }
  await prisma.emailOutbox.updateMany({
    where: stillOurs(message),
    data: { status: "SENT", sentAt: new Date(), lastError: null },
  });
  return "sent";
}

// A short statement claims due rows (FOR UPDATE SKIP LOCKED, so two workers never take the same
// row) and leases them: `attempts` goes up and `sendAfter` moves past the lease, so the rows of a
// worker that crashed mid-send come back by themselves within a minute. The lease is renewed while
// a send is under way. Sending happens outside any transaction; then a guarded update marks the
// row SENT, schedules a retry with exponential back-off, or after the last attempt leaves it FAILED
// with the reason. Asked to stop (SIGTERM), it finishes the message under way, hands the claimed
// messages it has not started back (due now, the attempt not counted) and claims no more.
export async function deliverOutbox(options: DeliverOutboxOptions = {}): Promise<DeliveryReport> {
  const transport = options.transport ?? getEmailTransport();
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  const smtpUrl = getEnv().SMTP_URL;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, released: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10) && !options.signal?.aborted; batch++) {
    const claimed = await claimDueMessages(batchSize);
    for (const [index, message] of claimed.entries()) {
      if (options.signal?.aborted) {
        report.released += await releaseClaimed(claimed.slice(index));
        break;
      }
      report[await deliverOne(message, transport, maxAttempts, smtpUrl, options.leaseRenewMs ?? LEASE_RENEW_MS)]++;
    }
    if (claimed.length < batchSize) break;
  }
  return report;
}
