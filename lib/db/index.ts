// The process-wide database handle. Kept on globalThis so development reloads and separately
// bundled entry points (instrumentation, routes) share one pool and one embedded database.
import "server-only";
import { getEnv } from "@/lib/env";
import { onServerShutdown } from "@/lib/http/shutdown-hooks";
import { noteDatabaseUnavailable } from "@/lib/http/unavailable";
import { createDatabase, type DatabaseHandle } from "./create-client";
import { closePglite } from "./pglite";

const globalForDb = globalThis as typeof globalThis & { __clinicDatabase?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  // A database that cannot serve a request marks it (503 from the production server) and is logged
  // once per kind per interval, as soon as the driver says so.
  if (!globalForDb.__clinicDatabase) {
    const env = getEnv();
    const handle = createDatabase(env, { onFailure: noteDatabaseUnavailable });
    globalForDb.__clinicDatabase = handle;
    // Last step of the production server's shutdown: the pool's connections end, and the embedded
    // database is closed and its directory lock given back.
    onServerShutdown({
      name: "database",
      order: 2,
      run: async () => {
        await handle.prisma.$disconnect();
        await handle.sql.close();
        if (handle.pglite) await closePglite(handle.pglite, env.PGLITE_DATA_DIR);
      },
    });
  }
  return globalForDb.__clinicDatabase;
}

// Lazily connected: importing this module opens nothing until the first query.
export const prisma: DatabaseHandle["prisma"] = new Proxy({} as DatabaseHandle["prisma"], {
  get(_target, property) {
    const client = getDatabase().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** The database without the ORM, for the booking path's statements (lib/db/sql.ts). */
export function getSql(): DatabaseHandle["sql"] {
  return getDatabase().sql;
}
