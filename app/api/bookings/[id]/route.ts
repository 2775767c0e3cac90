// GET /api/bookings/:id: one of the signed-in client's bookings; anyone else's id is a 404.
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { getClientBookingOrThrow } from "@/lib/booking/get-client-booking";
import { apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser();
  const booking = await getClientBookingOrThrow(user.id, (await params).id);
  return NextResponse.json({ booking }, { headers: { "Cache-Control": "private, no-store" } });
});
