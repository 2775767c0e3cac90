// Start-up work for the embedded database (the demo's): apply migrations, and on a brand-new
// database load the demo data so a newcomer's first `npm run dev` shows a living site. PostgreSQL is migrated
// explicitly (`npm run db:migrate`) as part of a deploy, never implicitly by a web process.
import { getEnv, shouldSeedDemoDataOnStart } from "@/lib/env";
import { getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { DEMO_PASSWORD, demoDataNotice, isDatabaseEmpty, seedDemoData } from "./seed-demo";

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
