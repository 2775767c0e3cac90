// Builds the one Prisma client of a process: PostgreSQL through node-postgres when DATABASE_URL is
// set, otherwise the embedded PGlite database. Both speak the same SQL and share the migrations.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import pg, { type PoolConfig } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Env } from "@/lib/env";
import { openPglite } from "./pglite";
import { pgliteDatabase, poolDatabase, type SqlDatabase } from "./sql";

export type Database = PrismaClient;

export interface DatabaseHandle {
  prisma: PrismaClient;
  /** The same database without the ORM (one pool, one embedded instance): lib/db/sql.ts. */
  sql: SqlDatabase;
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

// Hands every error the driver adapter raises (a failed connect, query or transaction start) to
// `onFailure` before it travels on unchanged: the moment a request learns that the database is
// unavailable, before Next.js logs or answers anything.
function reportingFailures<T extends object>(target: T, onFailure: (error: unknown) => void): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          // The adapter a factory connects, and a transaction an adapter starts, report too.
          (resolved: unknown) =>
            (property === "connect" || property === "startTransaction") && resolved && typeof resolved === "object"
              ? reportingFailures(resolved, onFailure)
              : resolved,
          (error: unknown) => {
            onFailure(error);
            throw error;
          },
        );
      };
    },
  });
}

export interface DatabaseOptions {
  /** Called with each error from PostgreSQL's driver (not PGlite's), whatever it is. */
  onFailure?: (error: unknown) => void;
}

export function createDatabase(
  env: PoolSettings & Pick<Env, "DATABASE_URL" | "PGLITE_DATA_DIR">,
  options: DatabaseOptions = {},
): DatabaseHandle {
  if (env.DATABASE_URL) {
    // One pool for both: Prisma's adapter ends it on $disconnect.
    const pool = new pg.Pool(poolConfig(env.DATABASE_URL, env));
    // An idle connection that breaks (a database restart) must not take the process down.
    pool.on("error", (error) => options.onFailure?.(error));
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    const adapter = options.onFailure ? reportingFailures(factory, options.onFailure) : factory;
    return { prisma: new PrismaClient({ adapter }), sql: poolDatabase(pool, options.onFailure) };
  }
  const pglite = openPglite(env.PGLITE_DATA_DIR);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), sql: pgliteDatabase(pglite), pglite };
}
