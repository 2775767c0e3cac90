// Inside the app server on the embedded database, the jobs run in-process (PGlite admits one
// process, so a separate worker could not open it). With DATABASE_URL they run in `npm run worker`.
import "server-only";
import { getEnv } from "@/lib/env";
import { onServerShutdown } from "@/lib/http/shutdown-hooks";
import { startJobRunner, type JobRunner } from "./run-jobs";

const globalForJobs = globalThis as typeof globalThis & { __clinicJobRunner?: JobRunner };

export function startBackgroundJobs(): JobRunner | undefined {
  // `next build` loads server code in its page workers: they must not deliver mail or expire holds.
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  if (!getEnv().usesEmbeddedDatabase) return undefined;
  if (!globalForJobs.__clinicJobRunner) {
    const runner = startJobRunner({ unref: true });
    globalForJobs.__clinicJobRunner = runner;
    // The production server (server.mjs) stops the runner after its last request: the tick under
    // way finishes and hands its leases back, before the database closes.
    const registered = onServerShutdown({
      name: "background jobs",
      order: 1,
      run: async () => {
        console.log("[jobs] stopping: finishing the job under way.");
        await runner.stop();
      },
    });
    // `next dev` ends the process on the signal by itself; the runner gets what time it can.
    if (!registered) {
      const stopOnSignal = (signal: NodeJS.Signals) => {
        console.log(`[jobs] ${signal}: finishing the current tick.`);
        void runner.stop();
      };
      process.once("SIGTERM", stopOnSignal);
      process.once("SIGINT", stopOnSignal);
    }
  }
  return globalForJobs.__clinicJobRunner;
}
