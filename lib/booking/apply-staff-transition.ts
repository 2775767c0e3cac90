// The shape every staff transition shares (check in, complete, no-show): one transaction holding a
// guarded update (`WHERE status IN statusesLeadingTo(to)`) and its audit entry. A booking the staff
// member may not see is a NotFound, one in the wrong state an InvalidTransition (409) with nothing
// written; two staff at once both reach the guarded update and exactly one of them changes the row.
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";
import { isActiveStatus, statusesLeadingTo } from "./status";

export interface StaffTransition {
  to: BookingStatus;
  action: string;
  stamp: (now: Date) => Prisma.BookingUpdateManyMutationInput;
  /** A rule beyond the status (e.g. no no-show before the start); throws a DomainError to refuse. */
  check?: (booking: { startsAt: Date }, now: Date) => void;
  /** What the change sends or writes besides the audit entry (e.g. the aftercare email), in its transaction. */
  afterChange?: (tx: Prisma.TransactionClient, bookingId: string) => Promise<void>;
}

/** Which bookings a staff member may act on: an admin any, a therapist only their own. */
export function staffBookingScope(actor: Actor, bookingId: string): Prisma.BookingWhereInput {
  if (actor.role === "ADMIN") return { id: bookingId };
  if (actor.role === "THERAPIST") return { id: bookingId, therapist: { userId: actor.id } };
  return { id: bookingId, AND: [{ id: { in: [] } }] }; // matches nothing: clients have no staff transitions
}

export async function applyStaffTransition(
  transition: StaffTransition,
  input: { bookingId: string; actor: Actor; now?: Date },
): Promise<BookingView> {
  const now = input.now ?? new Date();
  const from = statusesLeadingTo(transition.to);
  const view = await runTransaction(prisma, async (tx) => {
    const booking = await tx.booking.findFirst({
      where: staffBookingScope(input.actor, input.bookingId),
      select: { id: true, status: true, startsAt: true },
    });
    if (!booking) throw new NotFound("We couldn't find that appointment.");
    transition.check?.(booking, now);
    const changed = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: from } },
      data: transition.stamp(now),
    });
    // Someone else acted first (or the state never allowed it): the transaction ends with nothing written.
    if (changed.count !== 1) throw new InvalidTransition();
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: transition.action,
      entityType: "Booking",
      entityId: booking.id,
      data: { to: transition.to },
    });
    await transition.afterChange?.(tx, booking.id);
    return toBookingView(await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingViewSelect }));
  });
  if (!isActiveStatus(transition.to)) invalidateAvailability();
  return view;
}
