// GET /api/availability: bookable times for a treatment over a range of clinic dates, public.
// ?service=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD[&therapist=<id>] → { timeZone, slots }, each slot's
// start and end written with the clinic's offset. Not cached by browsers or proxies; the server
// keeps an answer for a second or two (lib/availability/availability-cache.ts).
import { NextResponse } from "next/server";
import { availabilityQuerySchema } from "@/lib/availability/availability-query";
import { cachedAvailability } from "@/lib/availability/availability-cache";
import { getAvailability } from "@/lib/availability/get-availability";
import { getEnv } from "@/lib/env";
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
  const key = JSON.stringify([query.service, query.therapist ?? "", query.from, query.to]);
  const availability = await cachedAvailability(key, getEnv().AVAILABILITY_CACHE_SECONDS, () => getAvailability(query));
  return NextResponse.json(availability, { headers: { "Cache-Control": "no-store" } });
});
