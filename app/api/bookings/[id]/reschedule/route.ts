// POST /api/bookings/:id/reschedule: move one's own appointment to another free time (409 if taken,
// the appointment unchanged).
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/guards";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { apiHandler } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

const rescheduleBookingSchema = z.object({
  start: z.iso.datetime({ offset: true, error: "Give the start as an ISO date-time with its offset." }),
  therapist: z.string().trim().min(1).max(100).optional(),
});

export const POST = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const input = rescheduleBookingSchema.parse(await readJsonBody(request));
  const result = await rescheduleBooking({
    bookingId: (await params).id,
    actor: { id: user.id, role: user.role },
    start: new Date(input.start),
    therapistId: input.therapist,
  });
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
