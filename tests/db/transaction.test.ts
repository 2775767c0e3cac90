// runTransaction re-runs work that lost a serialization race, and nothing else.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAuditEntries } from "@/lib/audit/record-audit";
import { getSql, prisma } from "@/lib/db";
import { prismaSql, sql } from "@/lib/db/sql";
import { retryDelayMs, runTransaction } from "@/lib/db/transaction";
import { ENGINE } from "../support/db-setup";

// What the driver adapter raises when PostgreSQL aborts a transaction with SQLSTATE 40001.
const serializationFailure = () =>
  Object.assign(new Error("could not serialize access"), { cause: { originalCode: "40001" } });

const auditRows = (entityId: string) =>
  prisma.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

describe(`runTransaction (${ENGINE})`, () => {
  it("rolls back a failed attempt and retries it", async () => {
    const entityId = randomUUID();
    let attempts = 0;
    const result = await runTransaction(prisma, async (tx) => {
      attempts++;
      await tx.auditLog.create({ data: { action: "test.retry", entityType: "Test", entityId } });
      if (attempts === 1) throw serializationFailure();
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(2);
    expect(await auditRows(entityId)).toHaveLength(1);
  });

  it("does not retry other errors, and keeps nothing of the attempt", async () => {
    const entityId = randomUUID();
    let attempts = 0;
    const outcome = runTransaction(prisma, async (tx) => {
      attempts++;
      await tx.auditLog.create({ data: { action: "test.no_retry", entityType: "Test", entityId } });
      throw new RangeError("a bug, not a race");
    });
    await expect(outcome).rejects.toThrow(RangeError);
    expect(attempts).toBe(1);
    expect(await auditRows(entityId)).toHaveLength(0);
  });

  it("gives up after the last attempt with the database's error", async () => {
    let attempts = 0;
    const outcome = runTransaction(
      prisma,
      async () => {
        attempts++;
        throw serializationFailure();
      },
      { maxAttempts: 3 },
    );
    await expect(outcome).rejects.toThrow("could not serialize access");
    expect(attempts).toBe(3);
  });

  // Only PostgreSQL runs transactions side by side; PGlite has one connection and serialises them.
  it.runIf(ENGINE === "postgresql")("lets two serializable read-then-write transactions both land", async () => {
    const entityId = randomUUID();
    const appendNext = () =>
      runTransaction(
        prisma,
        async (tx) => {
          const count = await tx.auditLog.count({ where: { entityId } });
          await new Promise((resolve) => setTimeout(resolve, 50));
          await tx.auditLog.create({ data: { action: "test.race", entityType: "Test", entityId, data: { count } } });
        },
        { isolationLevel: "Serializable" },
      );
    await Promise.all([appendNext(), appendNext()]);
    const rows = await auditRows(entityId);
    expect(rows.map((row) => (row.data as { count: number }).count).sort()).toEqual([0, 1]);
  });
});

// The booking path's transactions on the driver (lib/db/sql.ts) keep the same promises.
describe(`getSql().transaction (${ENGINE})`, () => {
  const audit = (entityId: string, action: string) => ({ actorId: null, action, entityType: "Test", entityId });

  it("commits what the work wrote, and retries a serialization failure from the start", async () => {
    const entityId = randomUUID();
    let attempts = 0;
    const result = await getSql().transaction(async (tx) => {
      attempts++;
      await recordAuditEntries(tx, [audit(entityId, "test.sql_retry")]);
      if (attempts === 1) throw Object.assign(new Error("could not serialize access"), { code: "40001" });
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(2);
    expect(await auditRows(entityId)).toHaveLength(1);
  });

  it("rolls back on any other error, at once", async () => {
    const entityId = randomUUID();
    let attempts = 0;
    const outcome = getSql().transaction(async (tx) => {
      attempts++;
      await recordAuditEntries(tx, [audit(entityId, "test.sql_no_retry")]);
      throw new RangeError("a bug, not a race");
    });
    await expect(outcome).rejects.toThrow(RangeError);
    expect(attempts).toBe(1);
    expect(await auditRows(entityId)).toHaveLength(0);
    // The connection went back to the pool clean: the next transaction works.
    expect(await getSql().transaction((tx) => tx.query<{ one: number }>(sql`SELECT 1::int AS "one"`))).toEqual([
      { one: 1 },
    ]);
  });

  it("writes several audit entries in one statement, with their data, the same through Prisma", async () => {
    const entityId = randomUUID();
    await recordAuditEntries(getSql(), [
      { ...audit(entityId, "test.one"), data: { reason: "first", count: 1 } },
      audit(entityId, "test.two"),
    ]);
    await runTransaction(prisma, (tx) => recordAuditEntries(prismaSql(tx), [audit(entityId, "test.three")]));
    const rows = await auditRows(entityId);
    expect(rows.map((row) => [row.action, row.data]).sort()).toEqual([
      ["test.one", { reason: "first", count: 1 }],
      ["test.three", null],
      ["test.two", null],
    ]);
  });
});

describe("sql", () => {
  it("turns each value into a numbered parameter, never into text", () => {
    const id = 'x\'; DROP TABLE "Booking"; --';
    const statement = sql`SELECT * FROM "Booking" WHERE "id" = ${id} AND "priceCents" > ${0}`;
    expect(statement.text).toBe('SELECT * FROM "Booking" WHERE "id" = $1 AND "priceCents" > $2');
    expect(statement.values).toEqual([id, 0]);
  });
});

describe("retryDelayMs", () => {
  it("draws each pause at random below a ceiling that doubles and then stays capped", () => {
    expect(retryDelayMs(1, () => 0)).toBe(0);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThan(30);
    expect(retryDelayMs(2, () => 0.999)).toBeLessThan(60);
    expect(retryDelayMs(2, () => 0.999)).toBeGreaterThan(30);
    expect(retryDelayMs(10, () => 0.999)).toBeLessThan(250);
    expect(retryDelayMs(10, () => 0.999)).toBeGreaterThan(240);
  });
});
