// npm run db:seed: load the demo catalogue, therapists and accounts. Refused on a production
// PostgreSQL (NODE_ENV=production with DATABASE_URL) unless run with --force-demo-data.
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { createDatabase } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/db/seed-demo";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "force-demo-data": { type: "boolean", default: false } } });
  const env = parseEnv(process.env);
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !values["force-demo-data"]) {
    console.error(
      "Refusing to load demo accounts into a production database (NODE_ENV=production and DATABASE_URL set).",
    );
    console.error("If this really is a demo deployment, run: npm run db:seed -- --force-demo-data");
    process.exit(1);
  }
  const { prisma, pglite } = createDatabase(env);
  try {
    if (pglite) await applyMigrations(pgliteConnection(pglite));
    const { accounts } = await seedDemoData(prisma);
    console.log("Demo data is in place. Accounts (password " + DEMO_PASSWORD + "):");
    for (const account of accounts) console.log(`  ${account}`);
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
