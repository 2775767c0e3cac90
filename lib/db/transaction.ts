// Runs a unit of work in one transaction, retrying it when PostgreSQL aborts it as a serialization
// failure or deadlock (40001/40P01): the work is re-run from the start, so it must only touch the
// database through `tx`. Any other error, including a constraint violation, ends it at once. The
// pauses between attempts grow and are drawn at random ("full jitter"), so transactions that
// collided do not meet again in step; the last failure is rethrown for the caller to turn into a
// 409 (lib/booking/hold-slot.ts asBookingConflict), never a 500.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isSerializationFailure } from "./errors";

export interface TransactionOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  maxAttempts?: number;
  timeoutMs?: number;
}

const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 250;

/** The pause before attempt `attempt + 1`: uniform in [0, min(cap, base · 2^attempt)). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

export async function runTransaction<T>(
  client: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { isolationLevel, maxAttempts = 5, timeoutMs = 15_000 }: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction(work, { isolationLevel, timeout: timeoutMs, maxWait: timeoutMs });
    } catch (error) {
      if (attempt >= maxAttempts || !isSerializationFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
    }
  }
}
