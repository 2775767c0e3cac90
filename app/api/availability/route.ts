// GET /api/availability: bookable times for a treatment over a range of clinic dates, public.
// ?service=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD[&therapist=<id>] → { timeZone, slots }, each slot's
// start and end written with the clinic's offset. Never cached: a time taken a second ago is gone.
import { NextResponse } from "next/server";
import { availabilityQuerySchema } from "@/lib/availability/availability-query";
import { getAvailability } from "@/lib/availability/get-availability";
import { apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const query = availabilityQuerySchema.parse({
    service: params.get("service") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    therapist: params.get("therapist") ?? undefined,
  });
  const availability = await getAvailability(query);
  return NextResponse.json(availability, { headers: { "Cache-Control": "no-store" } });
});
