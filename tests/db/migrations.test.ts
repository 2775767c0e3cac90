// The migration runner records what it applies exactly as `prisma migrate deploy` would, applies
// nothing twice, refuses an edited migration, and leaves nothing behind when one fails.
import { describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/pglite";
import { applyMigrations, readMigrations, type Migration } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-connection";

function freshDatabase() {
  return pgliteConnection(openPglite("memory://"), { closeOnRelease: true });
}

describe("migration runner", () => {
  it("applies every migration once and records it in _prisma_migrations", async () => {
    const db = freshDatabase();
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await applyMigrations(db, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const rows = await db.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(rows.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));

    const second = await applyMigrations(db, migrations);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(migrations.map((m) => m.name));
    await db.close();
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const db = freshDatabase();
    const migrations = readMigrations();
    await applyMigrations(db, migrations);
    const edited: Migration[] = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(db, edited)).rejects.toThrow(/edited after it was applied/);
    await db.close();
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    const db = freshDatabase();
    const broken: Migration = {
      name: "20990101000000_broken",
      sql: `CREATE TABLE "half_done" (id int); SELECT * FROM "no_such_table";`,
      checksum: "f".repeat(64),
    };
    await expect(applyMigrations(db, [...readMigrations(), broken])).rejects.toThrow(
      /20990101000000_broken failed and was rolled back/,
    );
    const tables = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`,
    );
    expect(tables[0]?.n).toBe(0);
    const recorded = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1`,
      [broken.name],
    );
    expect(recorded[0]?.n).toBe(0);
    await db.close();
  });
});
