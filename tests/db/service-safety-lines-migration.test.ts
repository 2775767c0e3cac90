// The clinical-rules v2 data migration brings a catalogue seeded before it up to the new safety lines,
// and leaves a service alone once staff have edited its lines.
import { describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/pglite";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";

const MIGRATION = "20261207121500_service_safety_lines_v2";

// The lines the demo seed wrote before clinical rules v2.
const OLD_LINES: Record<string, string[]> = {
  "calf-reset-30": ["Tell your therapist: Mention calves that cramp at night, so we go gently at first."],
  "long-haul-legs": ["Get care now: See a doctor first if leg pain or swelling started during or after a trip."],
};

describe("service safety lines migration", () => {
  it("updates lines still as seeded, and keeps lines staff have edited", async () => {
    const db = pgliteConnection(openPglite("memory://"), { closeOnRelease: true });
    const migrations = readMigrations();
    const at = migrations.findIndex((m) => m.name === MIGRATION);
    expect(at).toBeGreaterThan(0);
    await applyMigrations(db, migrations.slice(0, at));

    const insert = `INSERT INTO "Service" ("id", "slug", "name", "summary", "description", "whoItHelps", "whatToExpect",
      "contraindications", "durationMinutes", "priceCents", "updatedAt")
      VALUES ($1, $2, 'Name', 'Summary', 'Description', '{}', '{}', $3::TEXT[], 30, 5000, CURRENT_TIMESTAMP)`;
    await db.query(insert, ["svc_1", "calf-reset-30", OLD_LINES["calf-reset-30"]]);
    const edited = ["Tell your therapist: our own line, written by staff."];
    await db.query(insert, ["svc_2", "long-haul-legs", edited]);

    await applyMigrations(db, migrations.slice(0, at + 1));
    const rows = await db.query<{ slug: string; contraindications: string[] }>(
      `SELECT "slug", "contraindications" FROM "Service" ORDER BY "slug"`,
    );
    const bySlug = Object.fromEntries(rows.map((row) => [row.slug, row.contraindications]));
    expect(bySlug["calf-reset-30"]).toEqual(DEMO_SERVICES.find((s) => s.slug === "calf-reset-30")?.contraindications);
    expect(bySlug["long-haul-legs"]).toEqual(edited);
    await db.close();
  });
});
