// The bounded waits of lib/env.ts, for code that sets its own limits on top of the pool's.
import { getEnv } from "@/lib/env";

/**
 * How long a request may wait for a pooled connection (DATABASE_POOL_TIMEOUT_MS): also the right
 * `maxWait` for Prisma's interactive `$transaction`, which otherwise waits longer than the pool would.
 */
export function getPoolTimeoutMs(): number {
  return getEnv().DATABASE_POOL_TIMEOUT_MS;
}
