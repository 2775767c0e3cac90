// The one database read behind availability, for a range of clinic days: one SQL statement, so
// the booking page and a booking transaction (after its locks) see the same data.
import { z } from "zod";
import type { BookedTime, TherapistSchedule } from "@/lib/availability/compute-slots";
import { getSql } from "@/lib/db";
import { sql, type Sql } from "@/lib/db/sql";
import { ACTIVE_STATUSES } from "@/lib/booking/status";
import { NotFound } from "@/lib/errors/domain-errors";
import { clinicDayBounds } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

const DAY_MS = 86_400_000;

export interface AvailabilityInputsQuery {
  serviceSlug: string;
  therapistId?: string; // only this therapist; otherwise everyone who offers the service
  from: string; // first clinic date, YYYY-MM-DD
  to: string; // last clinic date, inclusive
  timeZone?: string; // defaults to CLINIC_TIME_ZONE
  now?: Date; // holds that lapsed by then are left out
  /** A transaction to read in (default: the database, on the driver). */
  db?: Sql;
  /** false: leave the bookings out (only hours, breaks, time off and the offer are wanted). */
  withBookings?: boolean;
  /** Also read this client's unpaid holds (any service, any day), for a booking about to replace them. */
  clientId?: string;
  /**
   * Also list the holds in the range that ran out but were never swept: they no longer take the
   * time, but their rows still stand in the exclusion constraint's way, so a booking transaction
   * must release them first (and need not write anything when there are none).
   */
  withLapsedHolds?: boolean;
  /** With `clientId`: also say whether the client has signed this consent version (a booking needs it). */
  consentVersion?: number;
}

/** A hold that ran out over the range and was not swept yet. */
export interface LapsedHold {
  id: string;
  therapistId: string;
  startsAt: Date;
  blockedUntil: Date;
}

/** A client's unpaid hold as a booking transaction needs it: enough to answer a repeat request. */
export interface ClientHold {
  id: string;
  therapistId: string;
  therapistName: string;
  serviceSlug: string;
  serviceName: string;
  startsAt: Date;
  endsAt: Date;
  priceCents: number;
  currency: string;
  holdExpiresAt: Date | null;
  bookedById: string | null;
  /** The Checkout Session recorded for it while its payment is pending, if any. */
  checkoutSessionId: string | null;
}

export interface AvailabilityInputs {
  service: {
    id: string;
    slug: string;
    name: string;
    durationMinutes: number;
    bufferMinutes: number;
    priceCents: number;
    currency: string;
  };
  therapists: TherapistSchedule[];
  bookings: BookedTime[];
  clientHolds: ClientHold[];
  /** Empty unless `withLapsedHolds` was asked for. */
  lapsedHolds: LapsedHold[];
  /** Whether the client signed `consentVersion` and has not withdrawn it (false when either was not given). */
  clientSignedConsent: boolean;
}

const weeklyWindow = z.object({
  weekday: z.number().int().min(0).max(6),
  startMinute: z.number().int().min(0).max(1440),
  endMinute: z.number().int().min(0).max(1440),
});
const epochMs = z
  .number()
  .int()
  .transform((ms) => new Date(ms));
const serviceRow = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  durationMinutes: z.number().int(),
  bufferMinutes: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
  active: z.boolean(),
});
const therapistRow = z.object({
  id: z.string(),
  name: z.string(),
  workingHours: z.array(weeklyWindow),
  breaks: z.array(weeklyWindow),
  timeOff: z.array(z.object({ startsAt: epochMs, endsAt: epochMs })),
});
const bookingRow = z.object({
  id: z.string(),
  therapistId: z.string(),
  status: z.enum(ACTIVE_STATUSES),
  startsAt: epochMs,
  blockedUntil: epochMs,
  holdExpiresAt: epochMs.nullable(),
});
const holdRow = z.object({
  id: z.string(),
  therapistId: z.string(),
  therapistName: z.string(),
  serviceSlug: z.string(),
  serviceName: z.string(),
  startsAt: epochMs,
  endsAt: epochMs,
  priceCents: z.number().int(),
  currency: z.string(),
  holdExpiresAt: epochMs.nullable(),
  bookedById: z.string().nullable(),
  checkoutSessionId: z.string().nullable(),
});
const lapsedRow = z.object({
  id: z.string(),
  therapistId: z.string(),
  startsAt: epochMs,
  blockedUntil: epochMs,
});
const resultRow = z.object({
  service: serviceRow.nullable(),
  therapists: z.array(therapistRow),
  bookings: z.array(bookingRow),
  clientHolds: z.array(holdRow),
  lapsedHolds: z.array(lapsedRow),
  clientSignedConsent: z.boolean(),
});

// Reads the service, the active therapists who offer it with their weekly hours, breaks and time
// off, and the bookings that take their time. One SQL statement that aggregates each part as JSON
// (Prisma would send one statement per relation), checked with zod on the way back. A booking
// transaction reads through the same statement, after its locks, and may ask for the client's own
// live holds with it (`clientId`).
export async function loadAvailabilityInputs(query: AvailabilityInputsQuery): Promise<AvailabilityInputs> {
  const timeZone = query.timeZone ?? getClinic().timeZone;
  const now = query.now ?? new Date();
  const rangeStart = clinicDayBounds(query.from, timeZone).start;
  const rangeEnd = clinicDayBounds(query.to, timeZone).end;
  // A slot late on the last day may have its buffer run past midnight into a booking there.
  const bookingsBefore = new Date(rangeEnd.getTime() + DAY_MS);
  const therapistId = query.therapistId ?? null;
  const withBookings = query.withBookings !== false;
  const clientId = query.clientId ?? null;
  const withLapsedHolds = query.withLapsedHolds === true;
  const consentVersion = query.consentVersion ?? null;
  const db = query.db ?? getSql();

  // Times travel as epoch milliseconds: exact in JSON, and no zone to parse.
  const rows = await db.query<unknown>(sql`
    WITH offering AS (
      SELECT t."id", t."displayName"
      FROM "Therapist" t
      JOIN "TherapistService" ts ON ts."therapistId" = t."id"
      JOIN "Service" s ON s."id" = ts."serviceId"
      WHERE s."slug" = ${query.serviceSlug} AND t."active"
        AND (${therapistId}::text IS NULL OR t."id" = ${therapistId}::text)
    )
    SELECT
      (SELECT json_build_object(
          'id', s."id", 'slug', s."slug", 'name', s."name", 'durationMinutes', s."durationMinutes",
          'bufferMinutes', s."bufferMinutes", 'priceCents', s."priceCents", 'currency', s."currency",
          'active', s."active")
        FROM "Service" s WHERE s."slug" = ${query.serviceSlug}) AS "service",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', t."id", 'name', t."displayName",
          'workingHours', COALESCE((
            SELECT json_agg(json_build_object(
              'weekday', w."weekday", 'startMinute', w."startMinute", 'endMinute', w."endMinute"))
            FROM "WorkingHours" w WHERE w."therapistId" = t."id"), '[]'::json),
          'breaks', COALESCE((
            SELECT json_agg(json_build_object(
              'weekday', b."weekday", 'startMinute', b."startMinute", 'endMinute', b."endMinute"))
            FROM "TherapistBreak" b WHERE b."therapistId" = t."id"), '[]'::json),
          'timeOff', COALESCE((
            SELECT json_agg(json_build_object(
              'startsAt', (extract(epoch FROM o."startsAt") * 1000)::bigint,
              'endsAt', (extract(epoch FROM o."endsAt") * 1000)::bigint))
            FROM "TimeOff" o
            WHERE o."therapistId" = t."id" AND o."startsAt" < ${rangeEnd} AND o."endsAt" > ${rangeStart}), '[]'::json)
        ) ORDER BY t."displayName", t."id")
        FROM offering t), '[]'::json) AS "therapists",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', b."id", 'therapistId', b."therapistId", 'status', b."status",
          'startsAt', (extract(epoch FROM b."startsAt") * 1000)::bigint,
          'blockedUntil', (extract(epoch FROM b."blockedUntil") * 1000)::bigint,
          'holdExpiresAt', (extract(epoch FROM b."holdExpiresAt") * 1000)::bigint
        ) ORDER BY b."startsAt")
        FROM "Booking" b
        WHERE ${withBookings}::boolean
          AND b."therapistId" IN (SELECT "id" FROM offering)
          AND b."status"::text = ANY(${ACTIVE_STATUSES}::text[])
          -- A lapsed hold no longer takes the time, swept or not.
          AND (b."status" <> 'PENDING_PAYMENT' OR b."holdExpiresAt" > ${now})
          AND b."startsAt" < ${bookingsBefore} AND b."blockedUntil" > ${rangeStart}), '[]'::json) AS "bookings",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', h."id", 'therapistId', h."therapistId", 'therapistName', ht."displayName",
          'serviceSlug', hs."slug", 'serviceName', h."serviceName",
          'startsAt', (extract(epoch FROM h."startsAt") * 1000)::bigint,
          'endsAt', (extract(epoch FROM h."endsAt") * 1000)::bigint,
          'priceCents', h."priceCents", 'currency', h."currency",
          'holdExpiresAt', (extract(epoch FROM h."holdExpiresAt") * 1000)::bigint,
          'bookedById', h."bookedById",
          'checkoutSessionId', (
            SELECT p."stripeCheckoutSessionId" FROM "Payment" p
            WHERE p."bookingId" = h."id" AND p."status" = 'PENDING'
            ORDER BY p."createdAt" DESC LIMIT 1)))
        FROM "Booking" h
        JOIN "Therapist" ht ON ht."id" = h."therapistId"
        JOIN "Service" hs ON hs."id" = h."serviceId"
        WHERE h."clientId" = ${clientId}::text AND h."status" = 'PENDING_PAYMENT'), '[]'::json) AS "clientHolds",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', l."id", 'therapistId', l."therapistId",
          'startsAt', (extract(epoch FROM l."startsAt") * 1000)::bigint,
          'blockedUntil', (extract(epoch FROM l."blockedUntil") * 1000)::bigint))
        FROM "Booking" l
        WHERE ${withLapsedHolds}::boolean
          AND l."therapistId" IN (SELECT "id" FROM offering)
          AND l."status" = 'PENDING_PAYMENT' AND l."holdExpiresAt" <= ${now}
          AND l."startsAt" < ${bookingsBefore} AND l."blockedUntil" > ${rangeStart}), '[]'::json) AS "lapsedHolds",
      EXISTS (
        SELECT 1 FROM "ConsentSignature" c
        WHERE c."userId" = ${clientId}::text AND c."version" = ${consentVersion}::int
          AND c."withdrawnAt" IS NULL) AS "clientSignedConsent"`);

  const result = resultRow.parse(rows[0]);
  if (!result.service || !result.service.active) throw new NotFound("We don't offer that treatment.");
  if (query.therapistId && result.therapists.length === 0) {
    throw new NotFound("That therapist doesn't offer this treatment.");
  }
  const { active: _active, ...offered } = result.service;
  return {
    service: offered,
    therapists: result.therapists,
    bookings: result.bookings,
    clientHolds: result.clientHolds,
    lapsedHolds: result.lapsedHolds,
    clientSignedConsent: result.clientSignedConsent,
  };
}
