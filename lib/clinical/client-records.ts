// A client's health records as staff read them on the client page: the treatment note of each visit
// and the calf-record trend across visits. The same scope as the appointments: an admin every visit,
// a therapist the visits that were theirs (a client they never saw is a NotFound). Opening them is a
// view of health data, so it writes an audit entry the client sees in their account.
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import type { StaffClient } from "@/lib/clients/clients";
import { bookingScopeOf, seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";
import { parseStoredCalfRecords } from "./treatment-notes";
import type { CalfRecords, SoapField } from "./treatment-note-schema";

export const CLIENT_RECORDS_VIEWED_ACTION = HEALTH_DATA_VIEW_ACTIONS.clientRecords;

export interface VisitRecord {
  bookingId: string;
  startsAt: Date;
  serviceName: string;
  therapistName: string;
  /** Whether the viewer may open the appointment itself. */
  openable: boolean;
  note: { version: number; soap: Record<SoapField, string>; authorName: string; updatedAt: Date } | null;
  calf: CalfRecords;
}

export interface ClientRecords {
  /** Oldest first, the order the trend reads in. */
  visits: VisitRecord[];
  /** The visits with a calf record, oldest first. */
  trend: { bookingId: string; startsAt: Date; calf: CalfRecords }[];
}

const RECORD_LIMIT = 60;

/** The records of a client the viewer has opened (getClientForStaff: a NotFound before anything is read). */
export async function openClientRecords(viewer: StaffViewer, client: StaffClient): Promise<ClientRecords> {
  const rows = await prisma.booking.findMany({
    where: {
      clientId: client.id,
      ...bookingScopeOf(viewer),
      OR: [{ treatmentNote: { isNot: null } }, { calfRecords: { some: {} } }],
    },
    orderBy: { startsAt: "desc" },
    take: RECORD_LIMIT,
    select: {
      id: true,
      startsAt: true,
      serviceName: true,
      therapist: { select: { id: true, displayName: true } },
      treatmentNote: {
        select: {
          version: true,
          subjective: true,
          objective: true,
          assessment: true,
          plan: true,
          updatedAt: true,
          author: { select: { name: true, email: true } },
        },
      },
      calfRecords: { select: { side: true, tension: true, swelling: true, tenderness: true } },
    },
  });

  await recordAudit(prisma, {
    actorId: viewer.userId,
    action: CLIENT_RECORDS_VIEWED_ACTION,
    entityType: "User",
    entityId: client.id,
    data: { visits: rows.length },
  });

  const visits = rows.reverse().map((row): VisitRecord => {
    const note = row.treatmentNote;
    const sides = Object.fromEntries(
      row.calfRecords.map((r) => [r.side, { tension: r.tension, swelling: r.swelling, tenderness: r.tenderness }]),
    );
    return {
      bookingId: row.id,
      startsAt: row.startsAt,
      serviceName: row.serviceName,
      therapistName: row.therapist.displayName,
      openable: seesEveryone(viewer) || row.therapist.id === viewer.therapistId,
      note: note && {
        version: note.version,
        soap: { subjective: note.subjective, objective: note.objective, assessment: note.assessment, plan: note.plan },
        authorName: note.author.name ?? note.author.email,
        updatedAt: note.updatedAt,
      },
      calf: parseStoredCalfRecords(sides),
    };
  });
  return {
    visits,
    trend: visits
      .filter((visit) => visit.calf.LEFT || visit.calf.RIGHT)
      .map((visit) => ({ bookingId: visit.bookingId, startsAt: visit.startsAt, calf: visit.calf })),
  };
}
