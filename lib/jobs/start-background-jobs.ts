// Inside the app server on the embedded database, the jobs run in-process (PGlite admits one
// process, so a separate worker could not open it). With DATABASE_URL they run in `npm run worker`.
import "server-only";
import { getEnv } from "@/lib/env";
import { startJobRunner, type JobRunner } from "./run-jobs";

const globalForJobs = globalThis as typeof globalThis & { __clinicJobRunner?: JobRunner };

export function startBackgroundJobs(): JobRunner | undefined {
  // `next build` loads server code in its page workers: they must not deliver mail or expire holds.
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  if (!getEnv().usesEmbeddedDatabase) return undefined;
  globalForJobs.__clinicJobRunner ??= startJobRunner({ unref: true });
  return globalForJobs.__clinicJobRunner;
}
