// Runs a unit of work in one Prisma transaction, retrying it when PostgreSQL aborts it as a
// serialization failure or deadlock (40001/40P01): the work is re-run from the start, so it must
// only touch the database through `tx`.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { withSerializationRetries } from "./sql";
import { getPoolTimeoutMs } from "./timeouts";

export { retryDelayMs } from "./sql";

export interface TransactionOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  maxAttempts?: number;
  /** How long the transaction may run (Prisma's `timeout`). */
  timeoutMs?: number;
}

// Any other error, including a constraint violation, ends it at once; the last failure is rethrown
// for the caller to turn into a 409 (lib/booking/hold-slot.ts asBookingConflict), never a 500. The
// pauses between attempts are those of lib/db/sql.ts.
export async function runTransaction<T>(
  client: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { isolationLevel, maxAttempts = 5, timeoutMs = 15_000 }: TransactionOptions = {},
): Promise<T> {
  // Waiting for a connection is bounded like any other pooled query (DATABASE_POOL_TIMEOUT_MS): a
  // saturated pool answers 503 in seconds instead of holding the request.
  return withSerializationRetries(
    () => client.$transaction(work, { isolationLevel, timeout: timeoutMs, maxWait: getPoolTimeoutMs() }),
    maxAttempts,
  );
}
