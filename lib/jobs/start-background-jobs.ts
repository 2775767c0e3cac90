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
  if (!globalForJobs.__clinicJobRunner) {
    const runner = startJobRunner({ unref: true });
    globalForJobs.__clinicJobRunner = runner;
    // On SIGTERM the tick under way finishes and hands its leases back. Next.js exits on the
    // signal by itself unless NEXT_MANUAL_SIG_HANDLE is set; then this handler ends the process.
    const stopOnSignal = (signal: NodeJS.Signals) => {
      console.log(`[jobs] ${signal}: finishing the current tick.`);
      void runner.stop().finally(() => {
        if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(0);
      });
    };
    process.once("SIGTERM", stopOnSignal);
    process.once("SIGINT", stopOnSignal);
  }
  return globalForJobs.__clinicJobRunner;
}
