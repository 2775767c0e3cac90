// Counts the SQL statements that reach the database driver while `work` runs: every statement
// Prisma sends has to pass there, whatever the engine.
import pg from "pg";
import { vi } from "vitest";
import { getDatabase } from "@/lib/db";

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const { pglite } = getDatabase();
  const spies = pglite
    ? [vi.spyOn(pglite, "query"), vi.spyOn(pglite, "exec"), vi.spyOn(pglite, "transaction")]
    : [vi.spyOn(pg.Client.prototype, "query")];
  try {
    const result = await work();
    // PRINT_STATEMENTS=1 lists them, to see where a new one came from.
    if (process.env.PRINT_STATEMENTS) {
      const firstArguments: unknown[] = spies.flatMap((spy) => (spy.mock.calls as unknown[][]).map((call) => call[0]));
      for (const query of firstArguments) {
        const sql = typeof query === "string" ? query : ((query as { text?: string } | undefined)?.text ?? "");
        console.log("SQL", sql.replace(/\s+/g, " ").slice(0, 160));
      }
    }
    return { result, statements: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
