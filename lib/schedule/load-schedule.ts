// The staff schedule for a run of clinic days: therapists with their hours and breaks, time off,
// and the bookings in the range (live holds included, lapsed ones not). Five statements whatever
// the number of bookings (tests/db/staff-schedule.test.ts counts them): each list is one flat read,
// and the days are laid out in memory (lib/schedule/schedule-layout.ts).
import { prisma } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { listClinicDays } from "@/lib/time/clinic-days";
import { scheduleTherapistFor, type StaffViewer } from "@/lib/auth/staff-viewer";

export interface ScheduleBooking {
  id: string;
  therapistId: string;
  clientName: string;
  serviceName: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  /** A PENDING_PAYMENT booking whose hold still runs: the time is held for a client paying now. */
  liveHold: boolean;
}

export interface ScheduleTherapist {
  id: string;
  displayName: string;
  hours: { weekday: number; startMinute: number; endMinute: number }[];
  breaks: { weekday: number; startMinute: number; endMinute: number; label: string | null }[];
}

export interface ScheduleTimeOff {
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

export interface Schedule {
  from: string;
  to: string;
  timeZone: string;
  /** Set when the schedule shows one therapist. */
  therapistId: string | undefined;
  therapists: ScheduleTherapist[];
  timeOff: ScheduleTimeOff[];
  bookings: ScheduleBooking[];
}

export async function loadSchedule(
  viewer: StaffViewer,
  query: { from: string; to: string; therapist?: string; timeZone: string; now?: Date },
): Promise<Schedule> {
  const now = query.now ?? new Date();
  const days = listClinicDays(query.from, query.to, query.timeZone);
  const start = new Date(days[0]?.startMs ?? 0);
  const end = new Date(days.at(-1)?.endMs ?? 0);
  const therapistId = scheduleTherapistFor(viewer, query.therapist);
  const ofTherapist = therapistId ? { therapistId } : {};
  const activeTherapist = { therapist: { active: true } };

  const [therapists, hours, breaks, timeOff, bookings] = await Promise.all([
    prisma.therapist.findMany({
      where: { active: true, ...(therapistId ? { id: therapistId } : {}) },
      orderBy: { displayName: "asc" },
      select: { id: true, displayName: true },
    }),
    prisma.workingHours.findMany({
      where: { ...ofTherapist, ...activeTherapist },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      select: { therapistId: true, weekday: true, startMinute: true, endMinute: true },
    }),
    prisma.therapistBreak.findMany({
      where: { ...ofTherapist, ...activeTherapist },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      select: { therapistId: true, weekday: true, startMinute: true, endMinute: true, label: true },
    }),
    prisma.timeOff.findMany({
      where: { ...ofTherapist, startsAt: { lt: end }, endsAt: { gt: start } },
      orderBy: { startsAt: "asc" },
      select: { therapistId: true, startsAt: true, endsAt: true, reason: true },
    }),
    // Raw SQL for one statement: Prisma would read the clients' names in a second query.
    prisma.$queryRaw<RawBooking[]>`
      SELECT b."id", b."therapistId", COALESCE(u."name", u."email") AS "clientName", b."serviceName",
             b."status"::text AS "status", b."startsAt", b."endsAt", b."holdExpiresAt"
      FROM "Booking" b JOIN "User" u ON u."id" = b."clientId"
      WHERE b."startsAt" < ${end} AND b."endsAt" > ${start}
        AND b."status" <> 'EXPIRED'
        AND (b."status" <> 'PENDING_PAYMENT' OR b."holdExpiresAt" > ${now})
        AND (${therapistId ?? null}::text IS NULL OR b."therapistId" = ${therapistId ?? null})
      ORDER BY b."startsAt", b."id"`,
  ]);

  return {
    from: query.from,
    to: query.to,
    timeZone: query.timeZone,
    therapistId,
    therapists: therapists.map((therapist) => ({
      ...therapist,
      hours: hours.filter((h) => h.therapistId === therapist.id),
      breaks: breaks.filter((b) => b.therapistId === therapist.id),
    })),
    timeOff,
    bookings: bookings.map((row) => ({
      id: row.id,
      therapistId: row.therapistId,
      clientName: row.clientName,
      serviceName: row.serviceName,
      status: row.status,
      startsAt: new Date(row.startsAt),
      endsAt: new Date(row.endsAt),
      liveHold: row.status === "PENDING_PAYMENT",
    })),
  };
}

interface RawBooking {
  id: string;
  therapistId: string;
  clientName: string;
  serviceName: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date | null;
}

/** The list of therapists an admin can filter the schedule by. */
export async function listScheduleTherapists(): Promise<{ id: string; displayName: string }[]> {
  return prisma.therapist.findMany({
    where: { active: true },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true },
  });
}
