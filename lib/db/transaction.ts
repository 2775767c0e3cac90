// Runs a unit of work in one transaction, retrying it when PostgreSQL aborts it as a serialization
// failure or deadlock (40001/40P01): the work is re-run from the start, so it must only touch the
// database through `tx`. Any other error, including a constraint violation, ends it at once.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isSerializationFailure } from "./errors";

export interface TransactionOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  maxAttempts?: number;
  timeoutMs?: number;
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
      // A short, jittered pause so the competing transactions do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
