// Builds the one Prisma client of a process: PostgreSQL through node-postgres when DATABASE_URL is
// set, otherwise the embedded PGlite database. Both speak the same SQL and share the migrations.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Env } from "@/lib/env";
import { openPglite } from "./pglite";

export type Database = PrismaClient;

export interface DatabaseHandle {
  prisma: PrismaClient;
  // Set only for the embedded database: the migration runner and seed talk to it directly.
  pglite?: PGlite;
}

export function createDatabase(
  env: Pick<Env, "DATABASE_URL" | "DATABASE_POOL_SIZE" | "DATABASE_CONNECT_TIMEOUT_MS" | "PGLITE_DATA_DIR">,
): DatabaseHandle {
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    });
    return { prisma: new PrismaClient({ adapter }) };
  }
  const pglite = openPglite(env.PGLITE_DATA_DIR);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}
