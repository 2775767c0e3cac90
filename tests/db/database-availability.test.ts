// Bounded waits and honest classification, on real errors: the app's connections carry
// statement_timeout and lock_timeout, and each way PostgreSQL can fail a request (unreachable, a
// lock held too long, a statement too slow, no pooled connection free, a connection killed) is
// recognised as an availability failure, however Prisma, the adapter or Auth.js wrapped it.
import { AdapterError, CallbackRouteError } from "@auth/core/errors";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createDatabase, type DatabaseHandle } from "@/lib/db/create-client";
import { databaseFailureKind, isExclusionViolation } from "@/lib/db/errors";
import { ENGINE } from "../support/db-setup";

// As Auth.js builds them (`new AdapterError(e)`, `new CallbackRouteError(e, { provider })`), though
// their types only admit a string message.
const authError = (type: typeof AdapterError, error: unknown, options?: object) =>
  new (type as unknown as new (error: unknown, options?: object) => Error)(error, options);
const callbackRouteError = (error: unknown) => authError(CallbackRouteError, error, { provider: "credentials" });

const DATABASE_URL = process.env.DATABASE_URL ?? "";

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the database to refuse");
    },
    (error: unknown) => error,
  );

// A client of its own with tight limits, so each test waits a fraction of a second, not seconds.
const clients: DatabaseHandle[] = [];
function tightClient(url: string, limits: { statementMs?: number; lockMs?: number; poolMs?: number; size?: number }) {
  const handle = createDatabase({
    DATABASE_URL: url,
    PGLITE_DATA_DIR: "memory://",
    DATABASE_POOL_SIZE: limits.size ?? 2,
    DATABASE_STATEMENT_TIMEOUT_MS: limits.statementMs ?? 5_000,
    DATABASE_LOCK_TIMEOUT_MS: limits.lockMs ?? 2_000,
    DATABASE_POOL_TIMEOUT_MS: limits.poolMs ?? 3_000,
  });
  clients.push(handle);
  return handle.prisma;
}

// A pool whose connection the server killed may never finish ending: bounded, so the suite goes on.
afterAll(async () => {
  const bounded = (work: Promise<unknown>) =>
    Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  await Promise.all(clients.map((handle) => bounded(handle.prisma.$disconnect())));
});

describe(`database availability (${ENGINE})`, () => {
  it("does not call a constraint violation or a plain bug an availability failure", () => {
    const exclusion = Object.assign(new Error("conflicting key value violates exclusion constraint"), {
      cause: { originalCode: "23P01", kind: "postgres" },
    });
    expect(isExclusionViolation(exclusion)).toBe(true);
    expect(databaseFailureKind(exclusion)).toBeUndefined();
    expect(databaseFailureKind(new TypeError("undefined is not a function"))).toBeUndefined();
    expect(databaseFailureKind(undefined)).toBeUndefined();
  });

  describe.runIf(ENGINE === "postgresql")("on PostgreSQL", () => {
    it("runs every app statement under statement_timeout and lock_timeout", async () => {
      const [statement] = await prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
      const [lock] = await prisma.$queryRaw<{ lock_timeout: string }[]>`SHOW lock_timeout`;
      expect(statement?.statement_timeout).toBe("5s");
      expect(lock?.lock_timeout).toBe("2s");
      // Inside an interactive transaction too (its own pooled connection).
      const inside = await prisma.$transaction(
        (tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`,
      );
      expect(inside[0]?.statement_timeout).toBe("5s");
    });

    it("classifies an unreachable server, within the pool timeout", async () => {
      const closed = new URL(DATABASE_URL);
      closed.port = "1"; // nothing listens on port 1
      const unreachable = tightClient(closed.toString(), { poolMs: 1_000 });
      const started = Date.now();
      const query = await failureOf(unreachable.$queryRaw`SELECT 1`);
      const transaction = await failureOf(unreachable.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
      expect(databaseFailureKind(query)).toBe("unreachable");
      expect(databaseFailureKind(transaction)).toBe("unreachable");
      expect(Date.now() - started).toBeLessThan(5_000);
      // As Auth.js hands it to its logger and to signIn's caller.
      expect(databaseFailureKind(authError(AdapterError, query))).toBe("unreachable");
      expect(databaseFailureKind(callbackRouteError(query))).toBe("unreachable");
    });

    it("hands every driver failure to onFailure the moment it happens (the app's client marks the request)", async () => {
      const closed = new URL(DATABASE_URL);
      closed.port = "1";
      const failures: unknown[] = [];
      const handle = createDatabase(
        {
          DATABASE_URL: closed.toString(),
          PGLITE_DATA_DIR: "memory://",
          DATABASE_POOL_SIZE: 1,
          DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
          DATABASE_LOCK_TIMEOUT_MS: 2_000,
          DATABASE_POOL_TIMEOUT_MS: 1_000,
        },
        { onFailure: (error) => failures.push(error) },
      );
      clients.push(handle);
      await failureOf(handle.prisma.$queryRaw`SELECT 1`);
      await failureOf(handle.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
      expect(failures.length).toBeGreaterThanOrEqual(2);
      expect(failures.map((error) => databaseFailureKind(error))).toEqual(failures.map(() => "unreachable"));
    });

    it("classifies a statement that runs past statement_timeout", async () => {
      const slow = tightClient(DATABASE_URL, { statementMs: 200 });
      const error = await failureOf(slow.$queryRaw`SELECT pg_sleep(2)`);
      expect(databaseFailureKind(error)).toBe("timeout");
    });

    it("classifies a lock held past lock_timeout", async () => {
      const holder = new pg.Client({ connectionString: DATABASE_URL });
      await holder.connect();
      try {
        await holder.query("BEGIN");
        await holder.query('LOCK TABLE "AuditLog" IN ACCESS EXCLUSIVE MODE');
        const waiting = tightClient(DATABASE_URL, { lockMs: 200 });
        const started = Date.now();
        const error = await failureOf(
          waiting.auditLog.create({ data: { action: "test.lock", entityType: "Test", entityId: "x" } }),
        );
        expect(databaseFailureKind(error)).toBe("timeout");
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await holder.query("ROLLBACK");
        await holder.end();
      }
    });

    it("classifies a request that finds no pooled connection in time", async () => {
      const small = tightClient(DATABASE_URL, { size: 1, poolMs: 300 });
      let release: () => void = () => undefined;
      const held = small.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await new Promise<void>((resolve) => (release = resolve));
        },
        { timeout: 10_000 },
      );
      // Wait until the only connection is taken by the transaction.
      for (let tries = 0; tries < 100; tries++) {
        const [row] = await prisma.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`;
        if ((row?.count ?? 0n) > 0n) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      try {
        const query = await failureOf(small.$queryRaw`SELECT 1`);
        const transaction = await failureOf(small.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: 300 }));
        expect(databaseFailureKind(query)).toBe("pool_exhausted");
        expect(databaseFailureKind(transaction)).toBe("pool_exhausted");
      } finally {
        release();
        await held;
      }
    });

    it("classifies a connection the server ended (pg_terminate_backend)", async () => {
      const victim = tightClient(DATABASE_URL, { size: 1 });
      const error = await failureOf(
        victim.$transaction(async (tx) => {
          const [me] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await prisma.$queryRaw`SELECT pg_terminate_backend(${me?.pid}::int)`;
          await tx.$queryRaw`SELECT 1`;
        }),
      );
      expect(databaseFailureKind(error)).toBe("unreachable");
    });
  });
});
