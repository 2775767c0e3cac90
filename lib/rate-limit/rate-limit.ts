// Fixed-window counters in the database, so every app instance shares them. One statement
// increments and reads a counter, opening a new window when the old one has passed. On the driver
// directly (lib/db/sql.ts): every booking and sign-in sends it.
import { getSql, prisma } from "@/lib/db";
import { sql } from "@/lib/db/sql";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

// Expired windows are deleted now and then by whichever request draws the short straw, so the
// table stays small without a separate job.
const PRUNE_PROBABILITY = 0.01;

async function pruneExpiredWindows(): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < now() - interval '1 day'`;
}

export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  if (Math.random() < PRUNE_PROBABILITY) await pruneExpiredWindows();
  const rows = await getSql().query<{ hits: number; windowStart: Date }>(sql`
    INSERT INTO "RateLimit" ("key", "hits", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}::int)
                    THEN 1 ELSE "RateLimit"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}::int)
                    THEN now() ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()
    RETURNING "hits", "windowStart"`);
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const windowEndsAt = new Date(row.windowStart).getTime() + rule.windowSeconds * 1000;
  return {
    allowed: row.hits <= rule.limit,
    hits: row.hits,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt - Date.now()) / 1000)),
  };
}

export async function clearRateLimit(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}
