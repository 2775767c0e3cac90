// The queue every booking change stands in, so two changes that could take the same time run one
// after the other instead of racing into the exclusion constraint. lockBookingParties says what
// the queue guarantees, and why it cannot deadlock or leak.
import { sql, type Sql } from "@/lib/db/sql";
import { getEnv } from "@/lib/env";

export interface BookingParties {
  clientId: string;
  serviceSlug: string;
  /** Whose time may be taken, and on which clinic day (YYYY-MM-DD): the day of the start. */
  therapistDays: { therapistId: string; day: string }[];
}

/**
 * Takes the locks; the reads that follow, each a new statement under READ COMMITTED, see every
 * booking committed by whoever held them before.
 *
 * Inside its transaction, before it reads anything, a change that creates or moves a booking takes
 * transaction-level advisory locks on the client and on each therapist's clinic day whose time it
 * may take, and a key-share lock on those therapists' and the service's rows. So:
 * - two holds for one therapist on one day never insert side by side: the second waits for the
 *   first to commit, then reads the slot as taken and answers 409, instead of both walking into the
 *   exclusion constraint, where PostgreSQL may pick one as a deadlock victim (a 500 before);
 * - bookings for one therapist on different days do not wait for each other: a burst of "any
 *   therapist" bookings, all given to the first therapist free, spreads over the days it asks for.
 *   A range that crosses the clinic's midnight (no clinic's hours do) is still never double-booked:
 *   the exclusion constraint answers, and its 23P01 is a 409;
 * - one client's concurrent requests run one after the other: a repeat finds the hold the first
 *   made and returns it, so a client never has two live holds or two open checkouts;
 * - an admin's change to hours, time off or the service (which locks those rows FOR UPDATE, see
 *   lib/booking/upcoming-bookings.ts) and a booking never cross: whichever locks first goes first,
 *   and the other reads what it committed.
 * Locks are always taken in one order (the client, then therapist days by key) in one statement,
 * and a transaction never takes a second client's lock, so two booking changes cannot wait on each
 * other in a cycle. They are released at COMMIT or ROLLBACK; nothing can leak them.
 * A place in this queue is worth waiting for longer than a row lock (DATABASE_LOCK_TIMEOUT_MS): in
 * a burst for one therapist every request waits for those ahead of it, each a few milliseconds, and
 * then gets its 201 or 409. So the wait for the queue is bounded by the statement timeout instead,
 * and the row-lock bound is put back for the rest of the transaction.
 */
export async function lockBookingParties(tx: Sql, parties: BookingParties) {
  const wanted = [
    ...new Map(parties.therapistDays.map((entry) => [`${entry.therapistId} ${entry.day}`, entry])).values(),
  ];
  const therapistIds = wanted.map((entry) => entry.therapistId);
  const days = wanted.map((entry) => entry.day);
  const env = getEnv();
  const queueWait = `${env.DATABASE_STATEMENT_TIMEOUT_MS}ms`;
  const rowLockWait = `${env.DATABASE_LOCK_TIMEOUT_MS}ms`;
  // hashtextextended gives a 64-bit key per party; "booking:" keeps them apart from any other use
  // of advisory locks (the migration runner's lock is a small constant). pg_advisory_xact_lock is
  // volatile, so PostgreSQL calls it after the ORDER BY, in that order; the sort reads every row
  // of its input first, "patience" included, so the longer wait is set before the first lock call.
  // set_config(…, true) lasts until the transaction ends, like SET LOCAL.
  await tx.query(sql`
    WITH patience AS MATERIALIZED (
      SELECT set_config('lock_timeout', ${queueWait}, true) AS "lockTimeout"
    ),
    therapist_days AS (
      SELECT t."id", w."day"
      FROM unnest(${therapistIds}::text[], ${days}::text[]) AS w("id", "day")
      JOIN "Therapist" t ON t."id" = w."id"
    ),
    parties AS (
      SELECT 0 AS rank, hashtextextended('booking:client:' || ${parties.clientId}::text, 0) AS key
      UNION ALL
      SELECT 1, hashtextextended('booking:therapist:' || "id" || ':' || "day", 0) FROM therapist_days
    ),
    queued AS MATERIALIZED (
      SELECT count(*) AS taken FROM (
        SELECT pg_advisory_xact_lock(key) FROM parties, patience ORDER BY rank, key) AS locks
    ),
    impatient AS MATERIALIZED (
      SELECT set_config('lock_timeout', ${rowLockWait}, true) AS "lockTimeout" FROM queued
    )
    SELECT s."id" AS "serviceId", t."id" AS "therapistId"
    FROM impatient, "Service" s, "Therapist" t
    WHERE s."slug" = ${parties.serviceSlug} AND t."id" = ANY(${therapistIds}::text[])
    FOR KEY SHARE OF s, t`);
}

/**
 * Only the client's place in the queue: for a change that counts what the client did before it
 * decides (the online limit of fee waivers), so two such changes of one client are never decided
 * side by side on the same count. Held until the transaction ends, like the rest.
 */
export async function lockClientQueue(tx: Sql, clientId: string) {
  await tx.query(
    sql`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtextextended('booking:client:' || ${clientId}::text, 0))`,
  );
}
