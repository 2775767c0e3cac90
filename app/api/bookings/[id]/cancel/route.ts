// POST /api/bookings/:id/cancel: cancel one's own appointment, with the refund the policy gives.
import { NextResponse } from "next/server";
import { z } from "zod";
import { plainText } from "@/lib/forms/text";
import { requireApiUser } from "@/lib/auth/guards";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { apiHandler } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

const cancelBookingSchema = z.object({
  reason: plainText({ max: 500, multiline: true }).optional(),
  newCalfSymptoms: z.boolean().optional(),
});

export const POST = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const input = cancelBookingSchema.parse(await readJsonBody(request));
  const result = await cancelBooking({
    bookingId: (await params).id,
    actor: { id: user.id, role: user.role },
    reason: input.reason,
    newCalfSymptoms: input.newCalfSymptoms,
  });
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
