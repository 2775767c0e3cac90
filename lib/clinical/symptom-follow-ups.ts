// Cancellations whose late fee was waived because the client reported new calf symptoms: staff
// call these clients to ask whether they saw a doctor. Read from the audit entry the cancellation
// wrote (lib/booking/cancel-booking.ts), which holds no health text, only that the waiver applied.
// A therapist sees those of their own appointments; an admin every one.
import { prisma } from "@/lib/db";
import { bookingScopeOf, type StaffViewer } from "@/lib/auth/staff-viewer";

/** How far back the list reaches: a call is worth making while the visit is recent. */
export const FOLLOW_UP_DAYS = 14;
const DAY_MS = 86_400_000;

export interface SymptomFollowUp {
  bookingId: string;
  cancelledAt: Date;
  startsAt: Date;
  serviceName: string;
  therapistName: string;
  client: { id: string; name: string | null; email: string; phone: string | null };
}

export async function listSymptomFollowUps(viewer: StaffViewer, now = new Date()): Promise<SymptomFollowUp[]> {
  const entries = await prisma.auditLog.findMany({
    where: {
      action: "booking.cancelled",
      entityType: "Booking",
      createdAt: { gte: new Date(now.getTime() - FOLLOW_UP_DAYS * DAY_MS) },
      data: { path: ["calfSymptomsWaiver"], equals: true },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { entityId: true, createdAt: true },
  });
  if (entries.length === 0) return [];
  const bookings = await prisma.booking.findMany({
    where: { AND: [{ id: { in: entries.map((entry) => entry.entityId) } }, bookingScopeOf(viewer)] },
    select: {
      id: true,
      startsAt: true,
      serviceName: true,
      therapist: { select: { displayName: true } },
      client: { select: { id: true, name: true, email: true, phone: true } },
    },
  });
  const byId = new Map(bookings.map((booking) => [booking.id, booking]));
  return entries.flatMap((entry) => {
    const booking = byId.get(entry.entityId);
    if (!booking) return [];
    return [
      {
        bookingId: booking.id,
        cancelledAt: entry.createdAt,
        startsAt: booking.startsAt,
        serviceName: booking.serviceName,
        therapistName: booking.therapist.displayName,
        client: booking.client,
      },
    ];
  });
}
