// The one database read behind availability: the service, the active therapists who offer it with
// their weekly hours, breaks and time off, and the bookings that take their time, for a range of
// clinic days. Three statements, run side by side. Prisma would split a nested include into one
// statement per relation (four for the therapists alone), so the therapists come from one SQL
// statement that aggregates each relation as JSON; zod checks what comes back.
import { z } from "zod";
import type { BookedTime, TherapistSchedule } from "@/lib/availability/compute-slots";
import { ACTIVE_STATUSES } from "@/lib/booking/status";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { NotFound } from "@/lib/errors/domain-errors";
import { clinicDayBounds } from "@/lib/time/clinic-time";

const DAY_MS = 86_400_000;

export interface AvailabilityInputsQuery {
  serviceSlug: string;
  therapistId?: string; // only this therapist; otherwise everyone who offers the service
  from: string; // first clinic date, YYYY-MM-DD
  to: string; // last clinic date, inclusive
  timeZone?: string; // defaults to CLINIC_TIME_ZONE
  now?: Date; // holds that lapsed by then are left out
  /** A transaction to read in (default: the shared client). */
  db?: Pick<Prisma.TransactionClient, "service" | "booking" | "$queryRaw">;
  /** false: leave the bookings out (only hours, breaks, time off and the offer are wanted). */
  withBookings?: boolean;
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
const therapistRow = z.object({
  id: z.string(),
  name: z.string(),
  workingHours: z.array(weeklyWindow),
  breaks: z.array(weeklyWindow),
  timeOff: z.array(z.object({ startsAt: epochMs, endsAt: epochMs })),
});

export async function loadAvailabilityInputs(query: AvailabilityInputsQuery): Promise<AvailabilityInputs> {
  const timeZone = query.timeZone ?? getEnv().CLINIC_TIME_ZONE;
  const now = query.now ?? new Date();
  const rangeStart = clinicDayBounds(query.from, timeZone).start;
  const rangeEnd = clinicDayBounds(query.to, timeZone).end;
  // A slot late on the last day may have its buffer run past midnight into a booking there.
  const bookingsBefore = new Date(rangeEnd.getTime() + DAY_MS);
  const therapistId = query.therapistId ?? null;
  const db = query.db ?? prisma;

  const [service, therapistRows, bookings] = await Promise.all([
    db.service.findUnique({
      where: { slug: query.serviceSlug },
      select: {
        id: true,
        slug: true,
        name: true,
        durationMinutes: true,
        bufferMinutes: true,
        priceCents: true,
        currency: true,
        active: true,
      },
    }),
    db.$queryRaw<unknown[]>`
      SELECT t."id", t."displayName" AS "name",
        COALESCE((
          SELECT json_agg(json_build_object(
            'weekday', w."weekday", 'startMinute', w."startMinute", 'endMinute', w."endMinute"))
          FROM "WorkingHours" w WHERE w."therapistId" = t."id"
        ), '[]'::json) AS "workingHours",
        COALESCE((
          SELECT json_agg(json_build_object(
            'weekday', b."weekday", 'startMinute', b."startMinute", 'endMinute', b."endMinute"))
          FROM "TherapistBreak" b WHERE b."therapistId" = t."id"
        ), '[]'::json) AS "breaks",
        COALESCE((
          SELECT json_agg(json_build_object(
            'startsAt', (extract(epoch FROM o."startsAt") * 1000)::bigint,
            'endsAt', (extract(epoch FROM o."endsAt") * 1000)::bigint))
          FROM "TimeOff" o
          WHERE o."therapistId" = t."id" AND o."startsAt" < ${rangeEnd} AND o."endsAt" > ${rangeStart}
        ), '[]'::json) AS "timeOff"
      FROM "Therapist" t
      JOIN "TherapistService" ts ON ts."therapistId" = t."id"
      JOIN "Service" s ON s."id" = ts."serviceId"
      WHERE s."slug" = ${query.serviceSlug} AND t."active"
        AND (${therapistId}::text IS NULL OR t."id" = ${therapistId}::text)
      ORDER BY t."displayName", t."id"`,
    query.withBookings === false
      ? []
      : db.booking.findMany({
          where: {
            status: { in: [...ACTIVE_STATUSES] },
            // A lapsed hold no longer takes the time, swept or not.
            OR: [{ status: { not: "PENDING_PAYMENT" } }, { holdExpiresAt: { gt: now } }],
            startsAt: { lt: bookingsBefore },
            blockedUntil: { gt: rangeStart },
            ...(query.therapistId ? { therapistId: query.therapistId } : {}),
            therapist: { active: true, services: { some: { service: { slug: query.serviceSlug } } } },
          },
          select: { therapistId: true, status: true, startsAt: true, blockedUntil: true, holdExpiresAt: true },
          orderBy: { startsAt: "asc" },
        }),
  ]);

  if (!service || !service.active) throw new NotFound("We don't offer that treatment.");
  const therapists = z.array(therapistRow).parse(therapistRows);
  if (query.therapistId && therapists.length === 0) {
    throw new NotFound("That therapist doesn't offer this treatment.");
  }
  const { active: _active, ...offered } = service;
  return { service: offered, therapists, bookings };
}
