// The bench's own PostgreSQL database for `npm run bench -- --postgres`: created empty on the local
// server (BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432), migrated and seeded by
// the bench like any database, dropped at the end whatever happened.
import pg from "pg";

export const DEFAULT_BENCH_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432";

/** clinic_bench_<pid>: one per bench process, so two runs on one machine never share one. */
export function benchDatabaseName(pid: number = process.pid): string {
  return `clinic_bench_${pid}`;
}

/** The server URL with the database path replaced (keeping user, password, host and parameters). */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onMaintenanceDatabase<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: databaseUrl(serverUrl, "postgres"),
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchPostgres {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createBenchPostgres(serverUrl: string, name = benchDatabaseName()): Promise<BenchPostgres> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  await onMaintenanceDatabase(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`)).catch(
    (error: unknown) => {
      throw new Error(
        `PostgreSQL at ${new URL(serverUrl).host} refused CREATE DATABASE ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  );
  let dropped = false;
  return {
    url: databaseUrl(serverUrl, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await onMaintenanceDatabase(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}
