// Start-up work for the embedded database: apply migrations, and on a brand-new database load the
// demo data so a newcomer's first `npm run dev` shows a living site. PostgreSQL is migrated
// explicitly (`npm run db:migrate`) as part of a deploy, never implicitly by a web process.
import { getEnv, shouldSeedDemoDataOnStart, type Env } from "@/lib/env";
import { getDatabase } from "./index";
import { applyMigrations } from "./migrate";
import { pgliteConnection } from "./sql-connection";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed-demo";

export async function prepareEmbeddedDatabase(): Promise<void> {
  const env = getEnv();
  const { pglite, prisma } = getDatabase();
  if (!pglite) return;
  if (env.NODE_ENV === "production") {
    console.log(
      `[db] using the embedded database in ${env.PGLITE_DATA_DIR} (demo mode); set DATABASE_URL for a real deployment`,
    );
  }
  const report = await applyMigrations(pgliteConnection(pglite));
  if (report.applied.length > 0) console.log(`[db] embedded database migrated: ${report.applied.join(", ")}`);
  if (shouldSeedDemoDataOnStart(env) && (await isDatabaseEmpty(prisma))) {
    const { accounts } = await seedDemoData(prisma);
    console.log(demoDataNotice(env, accounts, DEMO_PASSWORD));
  }
}

// Production logs are collected and kept: the demo password never goes into one, even in demo mode.
export function demoDataNotice(env: Pick<Env, "NODE_ENV">, accounts: readonly string[], password: string): string {
  const who = `[db] demo data loaded. Sign in as ${accounts.join(", ")}`;
  return env.NODE_ENV === "production"
    ? `${who} with the demo password from the README`
    : `${who} with password ${password}`;
}
