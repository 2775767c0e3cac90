// Who looked at a client's health data: the audit entries staff views write (lib/audit/
// health-data-views.ts), on the client's own bookings or on the client themselves, newest first.
// Scoped to the client: another client's bookings never appear, whatever ids the log holds.
import { HEALTH_DATA_VIEW_ACTIONS, HEALTH_DATA_VIEW_ACTION_LIST } from "@/lib/audit/health-data-views";
import { prisma } from "@/lib/db";

export type HealthDataKind = "intake answers" | "treatment notes" | "health records";

export interface HealthDataView {
  id: string;
  viewedAt: Date;
  /** The staff member, as the clinic names them (a therapist's display name), or null if removed. */
  staffName: string | null;
  what: HealthDataKind;
  /** The appointment the data belongs to, when the view was of one appointment's data. */
  booking: { id: string; serviceName: string; startsAt: Date } | null;
}

const KIND_OF_ACTION: Record<string, HealthDataKind> = {
  [HEALTH_DATA_VIEW_ACTIONS.intake]: "intake answers",
  [HEALTH_DATA_VIEW_ACTIONS.treatmentNote]: "treatment notes",
  [HEALTH_DATA_VIEW_ACTIONS.clientRecords]: "health records",
};

export async function listHealthDataViews(clientId: string, limit = 500): Promise<HealthDataView[]> {
  const bookings = await prisma.booking.findMany({
    where: { clientId },
    select: { id: true, serviceName: true, startsAt: true },
  });
  const bookingById = new Map(bookings.map((booking) => [booking.id, booking]));
  const entries = await prisma.auditLog.findMany({
    where: {
      action: { in: [...HEALTH_DATA_VIEW_ACTION_LIST] },
      OR: [
        { entityType: "User", entityId: clientId },
        ...(bookings.length > 0 ? [{ entityType: "Booking", entityId: { in: [...bookingById.keys()] } }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      createdAt: true,
      actor: { select: { name: true, therapist: { select: { displayName: true } } } },
    },
  });
  return entries.map((entry) => ({
    id: entry.id,
    viewedAt: entry.createdAt,
    staffName: entry.actor?.therapist?.displayName ?? entry.actor?.name ?? null,
    what: KIND_OF_ACTION[entry.action] ?? "health records",
    booking: entry.entityType === "Booking" ? (bookingById.get(entry.entityId) ?? null) : null,
  }));
}
