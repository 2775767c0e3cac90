// npm run db:seed: load the demo catalogue, therapists and accounts (with a published password).
// On PostgreSQL it is refused unless the database is on this machine and NODE_ENV is not
// production, or --force-demo-data is given: demo accounts must never reach the database of record.
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { createDatabase } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { DEMO_PASSWORD, demoDataNotice, demoSeedRefusal, seedDemoData } from "@/lib/dev/demo/seed-demo";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "force-demo-data": { type: "boolean", default: false } } });
  const env = parseEnv(process.env);
  const refusal = demoSeedRefusal(env);
  if (refusal && !values["force-demo-data"]) {
    console.error(`Refusing to load demo accounts: ${refusal}.`);
    console.error("If this really is a demo database, run: npm run db:seed -- --force-demo-data");
    process.exit(1);
  }
  const { prisma, pglite } = createDatabase(env);
  try {
    if (pglite) await applyMigrations(pgliteConnection(pglite));
    const { accounts } = await seedDemoData(prisma);
    // The same notice as the server's start: the password only outside production.
    console.log(demoDataNotice(env, accounts, DEMO_PASSWORD));
  } finally {
    await prisma.$disconnect();
    await pglite?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
