// npm run worker: the background jobs (outbox delivery, payment reconciliation, hold expiry, refund
// retries) as their own process, for deployments on PostgreSQL. Run one or several: they share the
// work safely. SIGTERM or SIGINT: no more claims, the message being sent finishes, the claimed ones
// not started go back to the outbox (due now, the attempt not counted), job leases are handed back,
// and the process exits within 10 s: code 0, or 1 when the job under way outlived the bound.
import { register } from "node:module";

// The library marks its database module "server-only"; outside Next.js that import must be a no-op.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

async function main(): Promise<void> {
  const { ConfigurationError, getEnv } = await import("@/lib/env");
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { getDatabase } = await import("@/lib/db");
  const { pglite } = getDatabase();
  if (pglite) {
    const { applyMigrations } = await import("@/lib/db/migrate");
    const { pgliteConnection } = await import("@/lib/db/sql-connection");
    await applyMigrations(pgliteConnection(pglite));
  }
  const { startJobRunner } = await import("@/lib/jobs/run-jobs");
  const runner = startJobRunner();
  const target = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : env.PGLITE_DATA_DIR;
  console.log(
    `Worker ${process.pid}: jobs running on ${target}; email ${env.SMTP_URL ? "over SMTP" : "kept in the outbox"}.`,
  );

  // A second signal (systemd signals every process of the service, a person presses Ctrl-C twice)
  // must not end the worker before it has handed its messages back: the first one decides.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    console.log(`Worker ${process.pid}: ${signal}, finishing the message under way and handing back the rest.`);
    runner
      .stop({ timeoutMs: 7_000 })
      .then(async (inTime) => {
        // Bounded too: a database that does not answer must not hold the process.
        await Promise.race([
          (async () => {
            await getDatabase().prisma.$disconnect();
            await getDatabase().sql.close();
            await pglite?.close();
          })(),
          new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
        ]);
        console.log(
          inTime
            ? `Worker ${process.pid}: stopped in ${Date.now() - startedAt} ms.`
            : `Worker ${process.pid}: the job under way outlived the 7 s bound; its leases were handed back; exiting.`,
        );
        process.exit(inTime ? 0 : 1);
      })
      .catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
