// Every database test file starts from a migrated database: in-memory PGlite by default, or the
// PostgreSQL named by DATABASE_URL (CI runs the suite on both).
import { beforeAll } from "vitest";
import { getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteConnection, postgresConnection } from "@/lib/db/sql-connection";

export const ENGINE = process.env.DATABASE_URL ? "postgresql" : "pglite";

beforeAll(async () => {
  const { pglite } = getDatabase();
  const connection = pglite ? pgliteConnection(pglite) : await postgresConnection(process.env.DATABASE_URL as string);
  try {
    await applyMigrations(connection);
  } finally {
    await connection.close();
  }
});
