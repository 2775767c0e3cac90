// GET /api/bookings/:id/ics: the client's own booking as a calendar file ("Add to calendar").
import { requireApiUser } from "@/lib/auth/guards";
import { getClientBookingOrThrow } from "@/lib/booking/get-client-booking";
import { getEnv } from "@/lib/env";
import { ApiError, apiHandler } from "@/lib/http/api-error";
import { buildBookingCalendar } from "@/lib/notifications/calendar-event";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const booking = await getClientBookingOrThrow(user.id, (await params).id);
  if (booking.status === "PENDING_PAYMENT" || booking.status === "EXPIRED") {
    throw new ApiError("not_found", "This appointment is not confirmed, so there is nothing to add to a calendar yet.");
  }
  const body = buildBookingCalendar(
    {
      id: booking.id,
      status: booking.status,
      startsAt: new Date(booking.startsAt),
      endsAt: new Date(booking.endsAt),
      serviceName: booking.service.name,
      therapistName: booking.therapist.name,
    },
    getEnv().APP_URL,
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="calf-massage-${booking.startsAt.slice(0, 10)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
