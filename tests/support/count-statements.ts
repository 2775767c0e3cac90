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
    return { result, statements: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
