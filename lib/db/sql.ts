// Plain SQL on the driver, for the few statements every booking request sends: Prisma spends
// several times more CPU on each (see sql below). The hot path therefore talks to the same pool
// Prisma uses; the rest of the app keeps the ORM.
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSerializationFailure } from "./errors";

export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Runs statements: on the driver (a pool, the embedded database, a transaction) or through Prisma. */
export interface Sql {
  query<Row = Record<string, unknown>>(statement: SqlStatement): Promise<Row[]>;
}

/** A Sql that can also open a transaction of its own, with the retries of lib/db/transaction.ts. */
export interface SqlDatabase extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>, options?: { maxAttempts?: number }): Promise<T>;
  /** Ends the pool if Prisma did not already (it ends it on $disconnect only once it connected). */
  close(): Promise<void>;
}

// The text of a call site's template never changes: built once per site.
const textOf = new WeakMap<TemplateStringsArray, string>();

// Through Prisma each statement, $queryRaw included, is planned by the query compiler and its
// result interpreted: about 0.4 ms of CPU per statement here against 0.06 ms on node-postgres
// directly (scripts/bench prints the server's CPU per booking).
// `sql` is a tagged template like Prisma's: values become $1, $2, … parameters, never text.
// Results come back as the driver gives them (timestamptz as Date, json parsed, int4 as number; an
// int8 would be a string, so counts are cast to int).
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlStatement {
  let text = textOf.get(strings);
  if (text === undefined) {
    text = strings.reduce((built, part, index) => (index === 0 ? part : `${built}$${index}${part}`), "");
    textOf.set(strings, text);
  }
  return { text, values };
}

/** Statements inside a Prisma interactive transaction (a change that also writes through the ORM). */
export function prismaSql(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">): Sql {
  return {
    query: <Row>(statement: SqlStatement) => tx.$queryRawUnsafe<Row[]>(statement.text, ...statement.values),
  };
}

const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 250;

/** The pause before attempt `attempt + 1`: uniform in [0, min(cap, base · 2^attempt)) ("full jitter"). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * Runs `attempt` again when it failed as a serialization failure or deadlock (40001/40P01), after a
 * growing random pause, so transactions that collided do not meet again in step. Any other error,
 * and the last failure, goes to the caller.
 */
export async function withSerializationRetries<T>(attempt: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= maxAttempts || !isSerializationFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(tried)));
    }
  }
}

type FailureReporter = (error: unknown) => void;

function reported<T>(promise: Promise<T>, onFailure: FailureReporter | undefined): Promise<T> {
  if (!onFailure) return promise;
  return promise.catch((error: unknown) => {
    onFailure(error);
    throw error;
  });
}

function onPg(client: pg.Pool | pg.PoolClient, onFailure?: FailureReporter): Sql {
  return {
    async query<Row>(statement: SqlStatement) {
      const result = await reported(client.query(statement.text, statement.values as unknown[]), onFailure);
      return result.rows as Row[];
    },
  };
}

/**
 * PostgreSQL: the pool Prisma's adapter uses, so the connection limit, statement_timeout,
 * lock_timeout and the acquire timeout (lib/db/create-client.ts) hold here too. A transaction is
 * one pooled connection from BEGIN to COMMIT; a connection whose ROLLBACK failed is discarded.
 */
export function poolDatabase(pool: pg.Pool, onFailure?: FailureReporter): SqlDatabase {
  const direct = onPg(pool, onFailure);
  return {
    query: direct.query,
    transaction<T>(work: (tx: Sql) => Promise<T>, { maxAttempts }: { maxAttempts?: number } = {}) {
      return withSerializationRetries(async () => {
        const client = await reported(pool.connect(), onFailure);
        const tx = onPg(client, onFailure);
        let broken: Error | undefined;
        try {
          await tx.query(sql`BEGIN`);
          const result = await work(tx);
          await tx.query(sql`COMMIT`);
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
            broken = rollbackFailed;
          });
          throw error;
        } finally {
          client.release(broken);
        }
      }, maxAttempts);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

function onPglite(db: Pick<PGlite | PgliteTransaction, "query">): Sql {
  return {
    async query<Row>(statement: SqlStatement) {
      const result = await db.query<Row>(statement.text, statement.values as unknown[]);
      return result.rows;
    },
  };
}

/** The embedded database: its own transaction queue, which Prisma's PGlite adapter shares. */
export function pgliteDatabase(db: PGlite): SqlDatabase {
  const direct = onPglite(db);
  return {
    query: direct.query,
    transaction<T>(work: (tx: Sql) => Promise<T>, { maxAttempts }: { maxAttempts?: number } = {}) {
      return withSerializationRetries(() => db.transaction((tx) => work(onPglite(tx))), maxAttempts);
    },
    // The embedded database is closed with its directory lock (lib/db/pglite.ts closePglite).
    async close() {},
  };
}
