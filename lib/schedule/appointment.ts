// One appointment as staff see it: client, treatment, therapist, time, money, the health screening
// and the client's earlier visits. The intake answers are health data: every time staff open them
// an audit entry records who and when (the client sees these entries in their account).
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { recordAudit } from "@/lib/audit/record-audit";
import { toBookingView, bookingViewSelect, type BookingView } from "@/lib/booking/booking-view";
import { cancellationTermsSelect, type CancellationTerms } from "@/lib/booking/cancellation-policy";
import {
  changesSince,
  readStoredIntake,
  screenStoredIntake,
  type AnswerChange,
  type StoredIntake,
} from "@/lib/booking/intake";
import type { Screening } from "@/lib/clinical/questionnaire";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { bookingScopeOf, seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";

export interface StaffAppointment {
  booking: BookingView;
  client: { id: string; name: string | null; email: string; phone: string | null };
  /** The service's cancellation terms, for the refund the policy gives. */
  cancellationTerms: CancellationTerms;
  /** Null when the stored answers are not a complete screening (e.g. a booking made by hand). */
  intake: StoredIntake | null;
  screening: Screening | null;
  /** What changed since the client's previous visit's answers; null when there is none to compare. */
  changesSinceLastVisit: { visitStartsAt: Date; changes: AnswerChange[] } | null;
  pastVisits: {
    id: string;
    startsAt: Date;
    serviceName: string;
    therapistName: string;
    status: BookingStatus;
    openable: boolean;
  }[];
}

/** The visits "changed since the last visit" compares with: ones that took place (or were due and confirmed). */
export const VISIT_TOOK_PLACE_STATUSES = ["CONFIRMED", "CHECKED_IN", "COMPLETED"] as const;

export const INTAKE_VIEWED_ACTION = HEALTH_DATA_VIEW_ACTIONS.intake;

export async function openStaffAppointment(
  viewer: StaffViewer,
  bookingId: string,
  now = new Date(),
): Promise<StaffAppointment> {
  const row = await prisma.booking.findFirst({
    where: { id: bookingId, ...bookingScopeOf(viewer) },
    select: {
      ...bookingViewSelect,
      intake: true,
      client: { select: { id: true, name: true, email: true, phone: true } },
      service: { select: { slug: true, ...cancellationTermsSelect } },
    },
  });
  if (!row) throw new NotFound("We couldn't find that appointment.");

  await recordAudit(prisma, {
    actorId: viewer.userId,
    action: INTAKE_VIEWED_ACTION,
    entityType: "Booking",
    entityId: row.id,
    data: { clientId: row.client.id },
  });

  const intake = readStoredIntake(row.intake);
  const previousVisit = intake
    ? await prisma.booking.findFirst({
        where: {
          clientId: row.client.id,
          id: { not: row.id },
          // A visit that took place: not a cancelled, unpaid or expired booking, nor one still to come.
          startsAt: { lt: row.startsAt < now ? row.startsAt : now },
          status: { in: [...VISIT_TOOK_PLACE_STATUSES] },
        },
        orderBy: { startsAt: "desc" },
        select: { startsAt: true, intake: true },
      })
    : null;
  const previousIntake = previousVisit ? readStoredIntake(previousVisit.intake) : null;
  const past = await prisma.booking.findMany({
    where: { clientId: row.client.id, id: { not: row.id }, startsAt: { lt: now }, status: { not: "EXPIRED" } },
    orderBy: { startsAt: "desc" },
    take: 20,
    select: {
      id: true,
      startsAt: true,
      serviceName: true,
      status: true,
      therapist: { select: { id: true, displayName: true } },
    },
  });

  return {
    booking: toBookingView(row),
    client: row.client,
    cancellationTerms: {
      freeCancellationHours: row.service.freeCancellationHours,
      lateCancellationRefundPercent: row.service.lateCancellationRefundPercent,
    },
    intake,
    screening: intake ? screenStoredIntake(intake, row.service.slug) : null,
    changesSinceLastVisit:
      intake && previousVisit && previousIntake
        ? { visitStartsAt: previousVisit.startsAt, changes: changesSince(previousIntake, intake) }
        : null,
    pastVisits: past.map((visit) => ({
      id: visit.id,
      startsAt: visit.startsAt,
      serviceName: visit.serviceName,
      therapistName: visit.therapist.displayName,
      status: visit.status,
      openable: seesEveryone(viewer) || visit.therapist.id === viewer.therapistId,
    })),
  };
}
