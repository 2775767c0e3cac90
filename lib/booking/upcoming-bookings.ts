// The visits an admin change to the catalogue or to a therapist's week must not strand: upcoming
// bookings that still take the therapist's time (confirmed, checked in, or an unpaid hold that has
// not lapsed). Read inside the change's transaction, after the row lock (see lockTherapistRow).
import { ACTIVE_STATUSES } from "./status";
import { DomainError } from "@/lib/errors/domain-errors";
import { toActionState, type AdminFormState } from "@/lib/forms/action-state";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface UpcomingBooking {
  id: string;
  therapistId: string;
  serviceId: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  clientName: string;
  serviceName: string;
}

/** A stranded visit as the refusal lists it: when (in the clinic's zone), who, what, and its page. */
export interface StrandedBookingLine {
  id: string;
  when: string;
  clientName: string;
  serviceName: string;
  href: string;
}

/** The change would leave these visits outside the therapist's time: nothing was saved. */
export class BookingsWouldBeStranded extends DomainError {
  override name = "BookingsWouldBeStranded";
  constructor(
    readonly bookings: UpcomingBooking[],
    message = bookings.length === 1
      ? "Not saved: 1 booked visit would be left outside this therapist's time. Move or cancel it first."
      : `Not saved: ${bookings.length} booked visits would be left outside this therapist's time. Move or cancel them first.`,
  ) {
    super("invalid_transition", message);
  }
}

export function describeStrandedBookings(
  bookings: readonly UpcomingBooking[],
  timeZone: string,
): StrandedBookingLine[] {
  return bookings.map((booking) => ({
    id: booking.id,
    when: formatClinicDateTime(booking.startsAt, timeZone),
    clientName: booking.clientName,
    serviceName: booking.serviceName,
    href: `/staff/appointments/${encodeURIComponent(booking.id)}`,
  }));
}

/** The form state a refused services or hours change shows: the visits it would strand, if that was why. */
export function toAdminFormState(error: unknown): AdminFormState {
  if (error instanceof BookingsWouldBeStranded) {
    return {
      ok: false,
      formError: error.message,
      stranded: describeStrandedBookings(error.bookings, getClinic().timeZone),
    };
  }
  return toActionState(error);
}

/**
 * Locks the therapist's row until the transaction ends. FOR UPDATE (not FOR NO KEY UPDATE) because
 * it conflicts with the FOR KEY SHARE lock PostgreSQL's foreign-key check takes on this row when a
 * booking is inserted or moved onto the therapist: a hold inserted before our lock makes us wait for
 * its commit and is then seen by the re-check that follows (READ COMMITTED reads afresh per
 * statement); one inserted after waits until our change has committed. A booking transaction takes
 * a key-share lock on this row before it reads the hours (lib/booking/booking-locks.ts), which
 * this lock excludes. False when there is no such therapist.
 */
export async function lockTherapistRow(tx: Prisma.TransactionClient, therapistId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Therapist" WHERE "id" = ${therapistId} FOR UPDATE`;
  return rows.length === 1;
}

/** The same for a service: every booking insert checks its service row with FOR KEY SHARE too. */
export async function lockServiceRow(tx: Prisma.TransactionClient, serviceId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Service" WHERE "id" = ${serviceId} FOR UPDATE`;
  return rows.length === 1;
}

/** Upcoming visits that take time (not yet over, active, holds not lapsed), earliest first. */
export async function loadUpcomingBookings(
  tx: Prisma.TransactionClient,
  where: { therapistId?: string; serviceId?: string; therapistIds?: string[] },
  now: Date,
): Promise<UpcomingBooking[]> {
  const rows = await tx.booking.findMany({
    where: {
      ...(where.therapistId ? { therapistId: where.therapistId } : {}),
      ...(where.therapistIds ? { therapistId: { in: where.therapistIds } } : {}),
      ...(where.serviceId ? { serviceId: where.serviceId } : {}),
      status: { in: [...ACTIVE_STATUSES] },
      endsAt: { gt: now },
      OR: [{ status: { not: "PENDING_PAYMENT" } }, { holdExpiresAt: { gt: now } }],
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      therapistId: true,
      serviceId: true,
      status: true,
      startsAt: true,
      endsAt: true,
      serviceName: true,
      client: { select: { name: true, email: true } },
    },
  });
  return rows.map(({ client, ...booking }) => ({ ...booking, clientName: client.name ?? client.email }));
}
