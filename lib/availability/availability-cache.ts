// A short per-instance cache of availability answers, so a busy page does not queue behind the
// embedded database. Correctness never rests on it: the booking itself is checked against the
// database; this instance's changes clear it, another's show within AVAILABILITY_CACHE_SECONDS.
import type { Availability } from "./get-availability";

const MAX_ENTRIES = 500;

interface Entry {
  expiresAt: number;
  value: Promise<Availability>;
}

const globalForCache = globalThis as typeof globalThis & { __clinicAvailabilityCache?: Map<string, Entry> };

function entries(): Map<string, Entry> {
  globalForCache.__clinicAvailabilityCache ??= new Map();
  return globalForCache.__clinicAvailabilityCache;
}

export function cachedAvailability(
  key: string,
  ttlSeconds: number,
  compute: () => Promise<Availability>,
  nowMs = Date.now(),
): Promise<Availability> {
  if (ttlSeconds <= 0) return compute();
  const cache = entries();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > nowMs) return hit.value;
  const value = compute();
  // A failed read is not remembered: the next request tries again.
  value.catch(() => cache.delete(key));
  cache.set(key, { expiresAt: nowMs + ttlSeconds * 1000, value });
  if (cache.size > MAX_ENTRIES) {
    for (const [staleKey, entry] of cache) {
      if (entry.expiresAt <= nowMs || cache.size > MAX_ENTRIES) cache.delete(staleKey);
      if (cache.size <= MAX_ENTRIES / 2) break;
    }
  }
  return value;
}

/** Called after every booking change this instance makes: holds, releases, cancellations, moves. */
export function invalidateAvailability(): void {
  entries().clear();
}
