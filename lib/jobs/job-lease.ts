// One holder at a time per background job, across every app instance and worker: a row per job
// whose lease is taken by a guarded upsert (only when the last lease has run out) and handed back
// when the run ends. A holder that crashes simply lets its lease run out. Works on PGlite too,
// where session advisory locks would not survive Prisma's pooled connections anyway.
import { prisma } from "@/lib/db";

export async function acquireJobLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const taken = await prisma.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobLease" ("name", "lockedUntil", "lockedBy")
    VALUES (${name}, now() + ${ttlMs} * interval '1 millisecond', ${holder})
    ON CONFLICT ("name") DO UPDATE
      SET "lockedUntil" = EXCLUDED."lockedUntil", "lockedBy" = EXCLUDED."lockedBy"
      WHERE "JobLease"."lockedUntil" <= now()
    RETURNING "name"`;
  return taken.length === 1;
}

export async function releaseJobLease(name: string, holder: string, error?: string): Promise<void> {
  await prisma.jobLease.updateMany({
    where: { name, lockedBy: holder },
    data: { lockedUntil: new Date(), lockedBy: null, lastRunAt: new Date(), lastError: error ?? null },
  });
}
