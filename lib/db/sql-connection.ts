// The smallest common surface of PGlite and node-postgres that the migration runner and the
// database tests need: run a script, run a parameterised query.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface SqlConnection {
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export function pgliteConnection(db: PGlite, { closeOnRelease = false } = {}): SqlConnection {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async close() {
      if (closeOnRelease) await db.close();
    },
  };
}

// No statement_timeout or lock_timeout here, unlike the app's pool (lib/db/create-client.ts): a
// migration may rightly run for minutes (an index build, a table rewrite) or wait for the app's locks.
export async function postgresConnection(connectionString: string, connectTimeoutMs = 5_000): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs });
  await client.connect();
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async close() {
      await client.end();
    },
  };
}
