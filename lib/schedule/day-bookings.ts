// One clinic day's bookings for staff (GET /api/bookings?day=): an admin's for any or every
// therapist, a therapist's only their own whatever was asked. Lapsed holds are left out.
import { bookingViewSelect, toBookingView, type BookingView } from "@/lib/booking/booking-view";
import { prisma } from "@/lib/db";
import { clinicDayBounds } from "@/lib/time/clinic-time";
import { scheduleTherapistFor, type StaffViewer } from "@/lib/auth/staff-viewer";

export type StaffDayBooking = BookingView & { client: { id: string; name: string | null } };

export async function listStaffDayBookings(
  viewer: StaffViewer,
  query: { day: string; therapist?: string; timeZone: string; now?: Date },
): Promise<StaffDayBooking[]> {
  const now = query.now ?? new Date();
  const { start, end } = clinicDayBounds(query.day, query.timeZone);
  const therapistId = scheduleTherapistFor(viewer, query.therapist);
  const rows = await prisma.booking.findMany({
    where: {
      startsAt: { gte: start, lt: end },
      status: { not: "EXPIRED" },
      OR: [{ status: { not: "PENDING_PAYMENT" } }, { holdExpiresAt: { gt: now } }],
      ...(therapistId ? { therapistId } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { ...bookingViewSelect, client: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ ...toBookingView(row), client: row.client }));
}
