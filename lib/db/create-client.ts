// Builds the one Prisma client of a process: PostgreSQL through node-postgres when DATABASE_URL is
// set, otherwise the embedded PGlite database. Both speak the same SQL and share the migrations.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import type { PoolConfig } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Env } from "@/lib/env";
import { openPglite } from "./pglite";

export type Database = PrismaClient;

export interface DatabaseHandle {
  prisma: PrismaClient;
  // Set only for the embedded database: the migration runner and seed talk to it directly.
  pglite?: PGlite;
}

type PoolSettings = Pick<
  Env,
  "DATABASE_POOL_SIZE" | "DATABASE_STATEMENT_TIMEOUT_MS" | "DATABASE_LOCK_TIMEOUT_MS" | "DATABASE_POOL_TIMEOUT_MS"
>;

/**
 * node-postgres pool settings with every wait bounded: statement_timeout and lock_timeout travel in
 * each connection's start-up message (no extra round trip), so they hold for every statement the
 * app or a worker runs; connectionTimeoutMillis bounds the wait for a pooled connection, connecting
 * included. The migration runner uses its own connection without them (lib/db/sql-connection.ts).
 */
export function poolConfig(connectionString: string, env: PoolSettings): PoolConfig {
  return {
    connectionString,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  };
}

export function createDatabase(env: PoolSettings & Pick<Env, "DATABASE_URL" | "PGLITE_DATA_DIR">): DatabaseHandle {
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg(poolConfig(env.DATABASE_URL, env));
    return { prisma: new PrismaClient({ adapter }) };
  }
  const pglite = openPglite(env.PGLITE_DATA_DIR);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}
