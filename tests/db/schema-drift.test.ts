// No drift: the database the migrations build must be the one schema.prisma describes. We compare
// its catalog with a database built from `prisma migrate diff --from-empty`, and check that the
// only additions are the hand-written constraints the schema language cannot express.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { openPglite } from "@/lib/db/pglite";
import { pgliteConnection, postgresConnection, type SqlConnection } from "@/lib/db/sql-connection";
import { ENGINE } from "../support/db-setup";

const HAND_WRITTEN_CONSTRAINTS = [
  "Booking_no_overlapping_active",
  "Booking_times_ordered",
  "Booking_price_not_negative",
  "Service_numbers_valid",
  "WorkingHours_valid",
  "TherapistBreak_valid",
  "TimeOff_valid",
  "Payment_amounts_valid",
  "Refund_amount_positive",
  "Booking_hold_has_expiry",
  "CalfRecord_scores_0_to_10",
  "Service_cancellation_policy_valid",
  "Payment_method_matches_stripe_ids",
].sort();

const HAND_WRITTEN_INDEXES = [
  "Booking_no_overlapping_active",
  "Booking_one_hold_per_client",
  "AccountToken_one_live_per_purpose",
  "Payment_one_live_per_booking",
  "User_email_lower_key",
].sort();

interface Catalog {
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

async function readCatalog(db: SqlConnection): Promise<Catalog> {
  const columns = await db.query<Record<string, unknown>>(`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
           character_maximum_length, datetime_precision
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`);
  const indexes = await db.query<{ indexname: string; indexdef: string }>(`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
  const constraints = await db.query<{ conname: string; def: string }>(`
    SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
    -- NOT NULL rows (contype 'n', PostgreSQL 17+ only) are compared through the columns instead.
    WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
      AND conrelid::regclass::text <> '_prisma_migrations'
    ORDER BY conname`);
  const enums = await db.query<{ typname: string; labels: string }>(`
    SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY t.typname`);
  return {
    columns: columns.map((c) => JSON.stringify(c)),
    indexes: indexes.map((i) => `${i.indexname}: ${i.indexdef}`),
    constraints: constraints.map((c) => `${c.conname}: ${c.def}`),
    enums: enums.map((e) => `${e.typname}: ${e.labels}`),
  };
}

const nameOf = (entry: string) => entry.slice(0, entry.indexOf(":"));

describe(`schema.prisma and the migrations agree (${ENGINE})`, () => {
  let migrated: Catalog;
  let expected: Catalog;

  beforeAll(async () => {
    const script = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const fromSchema = pgliteConnection(openPglite("memory://"), { closeOnRelease: true });
    await fromSchema.exec(script);
    expected = await readCatalog(fromSchema);
    await fromSchema.close();

    const { pglite } = getDatabase();
    const db = pglite ? pgliteConnection(pglite) : await postgresConnection(process.env.DATABASE_URL as string);
    migrated = await readCatalog(db);
    await db.close();
  });

  it("has the same tables, columns and types", () => {
    expect(migrated.columns).toEqual(expected.columns);
    expect(expected.columns.length).toBeGreaterThan(100);
  });

  it("has the same enums", () => {
    expect(migrated.enums).toEqual(expected.enums);
  });

  it("has the same indexes, plus exactly the hand-written ones", () => {
    const extra = migrated.indexes.filter((i) => !expected.indexes.includes(i)).map(nameOf);
    expect(extra.sort()).toEqual(HAND_WRITTEN_INDEXES);
    expect(expected.indexes.filter((i) => !migrated.indexes.includes(i))).toEqual([]);
  });

  it("has the same keys, plus exactly the hand-written constraints", () => {
    expect(expected.constraints.filter((c) => !migrated.constraints.includes(c))).toEqual([]);
    const extra = migrated.constraints.filter((c) => !expected.constraints.includes(c));
    expect(extra.map(nameOf).sort()).toEqual(HAND_WRITTEN_CONSTRAINTS);
    expect(extra.find((c) => c.startsWith("Booking_no_overlapping_active"))).toMatch(/EXCLUDE USING gist/);
  });
});
