// The transaction behind a new booking, and the pieces a move shares with it. The exclusion
// constraint stays the guarantee: a 23P01 that still happens is SlotTaken (409). Plain SQL to the
// driver (lib/db/sql.ts): Prisma's per-statement planning was a third of this path's CPU.
import { randomUUID } from "node:crypto";
import { recordAuditEntries } from "@/lib/audit/record-audit";
import {
  loadAvailabilityInputs,
  type AvailabilityInputs,
  type ClientHold,
} from "@/lib/availability/load-availability-inputs";
import { getSql } from "@/lib/db";
import { isExclusionViolation, isSerializationFailure, violatedConstraint } from "@/lib/db/errors";
import { sql, type Sql } from "@/lib/db/sql";
import { getClinic } from "@/lib/clinic/get-clinic";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { ConsentRequired, writeConsentSignature, type ConsentInput } from "@/lib/clinical/consent-signatures";
import { NotFound, SlotTaken } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IntakeAnswers } from "./intake";
import { lockBookingParties } from "./booking-locks";
import { HOLD_GRACE_MINUTES } from "./booking-view";
import { clinicDayOf, pickBookableSlot, type BookableSlot } from "./find-bookable-slot";

const MINUTE_MS = 60_000;

export interface HoldRequest {
  clientId: string;
  serviceSlug: string;
  /** The therapist the client chose; undefined: any therapist who offers the service. */
  therapistId?: string;
  start: Date;
  intake: IntakeAnswers;
  now: Date;
  /** Who acts: the client, or staff booking on their behalf. */
  actorId: string;
  bookedById: string | null;
  /** How long the new hold keeps its slot, given the slot (a payment link lasts longer). */
  holdMinutes: (slot: BookableSlot) => number;
  /**
   * A client's own booking needs the current consent: signed before (`sign` null), or signed now
   * (checked already; written in this transaction). Undefined: staff booking, signed at the desk.
   */
  consent?: { sign: ConsentInput | null };
}

export type HoldOutcome =
  { kind: "held"; hold: ClientHold; releasedCheckouts: string[] } | { kind: "repeat"; hold: ClientHold };

/** A hold whose checkout closes this soon is not worth handing back: the client starts afresh. */
const REUSE_MARGIN_MINUTES = HOLD_GRACE_MINUTES + 2;

/**
 * How many times an "any therapist" request is assigned afresh when the therapist it was given is
 * taken before its transaction runs. Each new assignment reads what the others committed, so it
 * names someone else; a time nobody is free at any more ends as SlotTaken all the same.
 */
const ASSIGNMENT_ATTEMPTS = 3;

// "Any therapist" is assigned before the transaction, from a read without locks, and the
// transaction then queues only behind that therapist: bookings given to different therapists run
// side by side instead of all waiting for one another. If the assigned therapist was taken in
// between, the assignment is made again from a fresh read.
/** Holds the slot (or answers a repeat) in its own transaction; "any therapist" is assigned first. */
export async function holdSlot(request: HoldRequest): Promise<HoldOutcome> {
  const database = getSql();
  const chosen = request.therapistId;
  if (chosen) return database.transaction((tx) => holdOrRepeat(tx, request, chosen));
  for (let attempt = 1; ; attempt++) {
    const assigned = assignTherapist(request, await readDay(database, request, undefined));
    try {
      return await database.transaction((tx) => holdOrRepeat(tx, request, assigned));
    } catch (error) {
      // Taken in between by someone else (or the therapist stopped offering it): assign again from
      // what was committed.
      if (!(error instanceof SlotTaken || error instanceof NotFound) || attempt >= ASSIGNMENT_ATTEMPTS) throw error;
    }
  }
}

function readDay(db: Sql, request: HoldRequest, therapistId: string | undefined) {
  const day = clinicDayOf(request.start, getClinic().timeZone);
  return loadAvailabilityInputs({
    serviceSlug: request.serviceSlug,
    therapistId,
    from: day,
    to: day,
    now: request.now,
    db,
    clientId: request.clientId,
    withLapsedHolds: therapistId !== undefined,
    consentVersion: request.consent ? CURRENT_CONSENT.version : undefined,
  });
}

/** The client's live hold that this request repeats (same service and start), if any. */
function repeatOf(request: HoldRequest, holds: ClientHold[]): ClientHold | undefined {
  return holds.find(
    (hold) =>
      hold.serviceSlug === request.serviceSlug &&
      hold.startsAt.getTime() === request.start.getTime() &&
      (request.therapistId === undefined || hold.therapistId === request.therapistId) &&
      hold.holdExpiresAt !== null &&
      hold.holdExpiresAt.getTime() > request.now.getTime() + REUSE_MARGIN_MINUTES * MINUTE_MS,
  );
}

/**
 * Who an "any therapist" request goes to, read without locks: the therapist of the client's own
 * live hold when this is a repeat, else the one the booking page assigns at that start (or why the
 * start cannot be booked: the same Unprocessable or SlotTaken the transaction would give).
 */
function assignTherapist(request: HoldRequest, inputs: AvailabilityInputs): string {
  const repeat = repeatOf(request, inputs.clientHolds);
  if (repeat) return repeat.therapistId;
  const own = new Set(inputs.clientHolds.map((hold) => hold.id));
  return pickBookableSlot(inputs, { start: request.start, now: request.now, ignore: (b) => own.has(b.id ?? "") })
    .therapistId;
}

// In one transaction:
//  1. lockBookingParties: queue behind any booking change of this client and this therapist's day;
//  2. one read (loadAvailabilityInputs) of the service, hours, bookings and the client's own holds,
//     which now sees everything committed before the locks were granted;
//  3. a repeat of the client's live request (same service and start) is answered with that hold;
//  4. otherwise the start is checked as the booking page checked it, the client's earlier hold and
//     lapsed holds in the way are released (only when the read found any), and the new row is
//     inserted with its audit entry.
// Every statement here goes to the driver as plain SQL (lib/db/sql.ts): this is the path each
// online booking takes, and Prisma's per-statement planning was a third of its CPU.
/** The transaction: `therapistId` is the therapist whose time is taken (chosen or assigned). */
async function holdOrRepeat(tx: Sql, request: HoldRequest, therapistId: string): Promise<HoldOutcome> {
  const { clientId, serviceSlug } = request;
  const day = clinicDayOf(request.start, getClinic().timeZone);
  await lockBookingParties(tx, { clientId, serviceSlug, therapistDays: [{ therapistId, day }] });
  const inputs = await readDay(tx, request, therapistId);
  if (request.consent?.sign) {
    await writeConsentSignature(tx, {
      userId: clientId,
      version: request.consent.sign.version,
      signedName: request.consent.sign.signedName,
      method: "ONLINE",
      recordedById: null,
      actorId: request.actorId,
    });
  } else if (request.consent && !inputs.clientSignedConsent) {
    throw new ConsentRequired();
  }

  const repeat = repeatOf(request, inputs.clientHolds);
  if (repeat) {
    // The answers just given replace the earlier ones: the client may have gone back from checkout
    // to correct them, and the therapist must see the latest.
    await tx.query(sql`
      UPDATE "Booking" SET "intake" = ${JSON.stringify(request.intake)}::jsonb, "updatedAt" = now()
      WHERE "id" = ${repeat.id}`);
    await recordAuditEntries(tx, [
      { actorId: request.actorId, action: "booking.intake_updated", entityType: "Booking", entityId: repeat.id },
    ]);
    return { kind: "repeat", hold: repeat };
  }

  // The client's own holds are released below, so they do not stand in the way.
  const own = new Set(inputs.clientHolds.map((hold) => hold.id));
  const slot = pickBookableSlot(inputs, { start: request.start, now: request.now, ignore: (b) => own.has(b.id ?? "") });
  // Nothing to release (the usual case): no statement is sent. Under the locks no hold of this
  // client or of this therapist can appear between the read and the insert.
  const inTheWay =
    own.size > 0 ||
    inputs.lapsedHolds.some(
      (lapsed) =>
        lapsed.therapistId === slot.therapistId &&
        lapsed.startsAt.getTime() < slot.blockedUntil.getTime() &&
        lapsed.blockedUntil.getTime() > slot.start.getTime(),
    );
  const releasedCheckouts = inTheWay
    ? await releaseHoldsInTheWay(tx, { clientId, slot, actorId: request.actorId })
    : [];
  const holdExpiresAt = new Date(Date.now() + request.holdMinutes(slot) * MINUTE_MS);
  const bookingId = await insertHold(tx, {
    row: bookingRowOf(clientId, slot, request.intake),
    bookedById: request.bookedById,
    holdExpiresAt,
    audit: {
      actorId: request.actorId,
      data: {
        startsAt: slot.start.toISOString(),
        therapistId: slot.therapistId,
        releasedHolds: own.size,
        ...(request.bookedById ? { bookedBy: request.bookedById, payment: "link" } : {}),
      },
    },
  });
  return {
    kind: "held",
    releasedCheckouts,
    hold: {
      id: bookingId,
      therapistId: slot.therapistId,
      therapistName: slot.therapistName,
      serviceSlug,
      serviceName: slot.service.name,
      startsAt: slot.start,
      endsAt: slot.end,
      priceCents: slot.service.priceCents,
      currency: slot.service.currency,
      holdExpiresAt,
      bookedById: request.bookedById,
      checkoutSessionId: null,
    },
  };
}

export function bookingRowOf(clientId: string, slot: BookableSlot, intake: IntakeAnswers) {
  return {
    clientId,
    therapistId: slot.therapistId,
    serviceId: slot.service.id,
    startsAt: slot.start,
    endsAt: slot.end,
    blockedUntil: slot.blockedUntil,
    serviceName: slot.service.name,
    durationMinutes: slot.service.durationMinutes,
    priceCents: slot.service.priceCents,
    currency: slot.service.currency,
    intake,
  };
}

/**
 * The hold's row and its "booking.held" audit entry in one statement: one round trip, and no ORM
 * query to plan, on the path every online booking takes. A taken slot still fails here with the
 * exclusion constraint's 23P01.
 */
async function insertHold(
  tx: Sql,
  {
    row,
    bookedById,
    holdExpiresAt,
    audit,
  }: {
    row: ReturnType<typeof bookingRowOf>;
    bookedById: string | null;
    holdExpiresAt: Date;
    audit: { actorId: string; data: Prisma.InputJsonObject };
  },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(sql`
    WITH inserted AS (
      INSERT INTO "Booking" ("id", "clientId", "therapistId", "serviceId", "status", "startsAt", "endsAt",
        "blockedUntil", "serviceName", "durationMinutes", "priceCents", "currency", "intake", "holdExpiresAt",
        "bookedById", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${row.clientId}, ${row.therapistId}, ${row.serviceId}, 'PENDING_PAYMENT',
        ${row.startsAt}::timestamptz, ${row.endsAt}::timestamptz, ${row.blockedUntil}::timestamptz,
        ${row.serviceName}, ${row.durationMinutes}::int, ${row.priceCents}::int, ${row.currency},
        ${JSON.stringify(row.intake)}::jsonb, ${holdExpiresAt}::timestamptz, ${bookedById}::text, now(), now())
      RETURNING "id"
    ), audited AS (
      INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "data", "createdAt")
      SELECT ${randomUUID()}, ${audit.actorId}, 'booking.held', 'Booking', inserted."id",
        ${JSON.stringify(audit.data)}::jsonb, now()
      FROM inserted
    )
    SELECT "id" FROM inserted`);
  return rows[0]!.id;
}

/**
 * One statement releases what stands in the way of a new hold: the client's earlier unpaid hold
 * (one live hold per client; `clientId` null leaves them alone) and this therapist's holds that
 * ran out over the slot but were never swept. Only when something was released do their pending
 * payments close and audit entries follow. Returns the Checkout Sessions of the client's released
 * holds, for the caller to expire at Stripe once the transaction has committed.
 */
export async function releaseHoldsInTheWay(
  tx: Sql,
  {
    clientId,
    slot,
    actorId,
  }: { clientId: string | null; slot: Pick<BookableSlot, "therapistId" | "start" | "blockedUntil">; actorId: string },
): Promise<string[]> {
  const released = await tx.query<{ id: string; own: boolean }>(sql`
    UPDATE "Booking" SET "status" = 'EXPIRED', "updatedAt" = now()
    WHERE "status" = 'PENDING_PAYMENT' AND (
      "clientId" = ${clientId}::text
      OR ("therapistId" = ${slot.therapistId}
        AND "holdExpiresAt" <= now()
        AND tstzrange("startsAt", "blockedUntil", '[)')
          && tstzrange(${slot.start}::timestamptz, ${slot.blockedUntil}::timestamptz, '[)')))
    RETURNING "id", ("clientId" = ${clientId}::text) IS TRUE AS "own"`);
  if (released.length === 0) return [];
  // A new statement: it sees a payment recorded by a request that committed while this one waited.
  const payments = await tx.query<{ bookingId: string; sessionId: string | null }>(sql`
    UPDATE "Payment" SET "status" = 'EXPIRED', "updatedAt" = now()
    WHERE "bookingId" = ANY(${released.map((row) => row.id)}::text[]) AND "status" = 'PENDING'
    RETURNING "bookingId", "stripeCheckoutSessionId" AS "sessionId"`);
  await recordAuditEntries(
    tx,
    released.map((row) =>
      row.own
        ? {
            actorId,
            action: "booking.hold_released",
            entityType: "Booking",
            entityId: row.id,
            data: { reason: "replaced_by_new_hold" },
          }
        : { actorId: null, action: "booking.hold_expired", entityType: "Booking", entityId: row.id },
    ),
  );
  const own = new Set(released.filter((row) => row.own).map((row) => row.id));
  return payments.flatMap((payment) => (own.has(payment.bookingId) && payment.sessionId ? [payment.sessionId] : []));
}

/**
 * Records the Checkout Session opened for a hold, only while the hold is still unpaid and held.
 * FOR SHARE waits for a release under way and then re-reads the row: a hold released by the
 * client's newer request (before or while this session was being created) gets no payment row,
 * and "released" tells the caller to close the session. A repeat that recorded the same session
 * first is "recorded" too.
 */
export async function recordCheckoutSession(
  tx: Sql,
  hold: Pick<ClientHold, "id">,
  sessionId: string,
): Promise<"recorded" | "released"> {
  const rows = await tx.query<{ id: string | null; held: boolean }>(sql`
    WITH held AS (
      SELECT b."id", b."priceCents", b."currency" FROM "Booking" b
      WHERE b."id" = ${hold.id} AND b."status" = 'PENDING_PAYMENT'
      FOR SHARE OF b
    ),
    inserted AS (
      INSERT INTO "Payment" ("id", "bookingId", "method", "stripeCheckoutSessionId", "status", "amountCents",
        "currency", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, held."id", 'STRIPE_CHECKOUT', ${sessionId}, 'PENDING', held."priceCents",
        held."currency", now(), now()
      FROM held
      ON CONFLICT ("stripeCheckoutSessionId") DO NOTHING
      RETURNING "id"
    )
    SELECT (SELECT "id" FROM inserted) AS "id", EXISTS (SELECT 1 FROM held) AS "held"`);
  return rows[0]?.held ? "recorded" : "released";
}

/**
 * What a lost race ends as: the slot was taken (the exclusion constraint, or contention that
 * outlasted the retries), or the one-hold-per-client index refused a second hold. Never a 500.
 */
export function asBookingConflict(error: unknown): unknown {
  if (isExclusionViolation(error) || isSerializationFailure(error)) return new SlotTaken();
  if (violatedConstraint(error) === "Booking_one_hold_per_client") return new SlotTaken();
  return error;
}
