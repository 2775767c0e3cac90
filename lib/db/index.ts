// The process-wide database handle. Kept on globalThis so development reloads and separately
// bundled entry points (instrumentation, routes) share one pool and one embedded database.
import "server-only";
import { getEnv } from "@/lib/env";
import { createDatabase, type DatabaseHandle } from "./create-client";

const globalForDb = globalThis as typeof globalThis & { __clinicDatabase?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  globalForDb.__clinicDatabase ??= createDatabase(getEnv());
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
