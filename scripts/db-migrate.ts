// npm run db:migrate                 apply prisma/migrations to the configured database
// npm run db:migrate -- --name x     write a new migration from the change to schema.prisma
//                                    (offline: diffs the committed schema against the working one)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDatabaseEnv } from "@/lib/env";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import { pgliteConnection, postgresConnection } from "@/lib/db/sql-connection";

function previousSchemaPath(): string | undefined {
  try {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
    writeFileSync(file, committed);
    return file;
  } catch {
    return undefined;
  }
}

function authorMigration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("--name must be lowercase letters, digits and underscores");
  const from = previousSchemaPath();
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { encoding: "utf8" },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("schema.prisma has no changes since the last commit; no migration written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(
    `Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, add any hand-written SQL, then run npm run db:migrate.`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  if (values.name) return authorMigration(values.name);

  // Only the database settings: migrating needs no AUTH_SECRET, APP_URL or Stripe keys.
  const env = parseDatabaseEnv(process.env);
  const connection = env.DATABASE_URL
    ? await postgresConnection(env.DATABASE_URL)
    : pgliteConnection(openPglite(env.PGLITE_DATA_DIR), { closeOnRelease: true });
  try {
    const report = await applyMigrations(connection);
    const target = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : env.PGLITE_DATA_DIR;
    console.log(
      `Migrations on ${target}: ${report.applied.length} applied, ${report.alreadyApplied.length} already applied.`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
