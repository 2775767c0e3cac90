// GET /api/bookings: the signed-in client's bookings; staff with ?day=YYYY-MM-DD[&therapist=id] get
// that clinic day's bookings (a therapist only their own, whatever `therapist` says).
// POST /api/bookings: screen, hold the slot and open a Stripe Checkout Session for it.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/guards";
import { createBooking } from "@/lib/booking/create-booking";
import { listClientBookingViews } from "@/lib/booking/get-client-booking";
import { consentInputSchema } from "@/lib/clinical/consent-signatures";
import { intakeSchema } from "@/lib/booking/intake";
import { apiHandler } from "@/lib/http/api-error";
import { listStaffDayBookings } from "@/lib/schedule/day-bookings";
import { staffApiRouteAllows } from "@/lib/auth/require-staff-route";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { isSchedulableDate } from "@/lib/time/clinic-time";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";

const createBookingSchema = z.object({
  service: z.string().trim().min(1, "Choose a treatment.").max(100),
  therapist: z.string().trim().min(1).max(100).optional(),
  start: z.iso.datetime({ offset: true, error: "Give the start as an ISO date-time with its offset." }),
  intake: intakeSchema,
  consent: consentInputSchema.optional(),
});

const staffDayQuerySchema = z.object({
  day: z.string().refine(isSchedulableDate, { message: "must be a date written YYYY-MM-DD" }),
  therapist: z.string().trim().max(64).optional(),
});

export const GET = apiHandler(async (request: Request) => {
  const user = await requireApiUser();
  const search = new URL(request.url).searchParams;
  if (search.has("day") && (await staffApiRouteAllows(user, "GET /api/bookings?day"))) {
    const query = staffDayQuerySchema.parse({
      day: search.get("day"),
      therapist: search.get("therapist") ?? undefined,
    });
    const bookings = await listStaffDayBookings(await loadStaffViewer(user), {
      ...query,
      timeZone: getClinic().timeZone,
    });
    return NextResponse.json({ bookings }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const bookings = await listClientBookingViews(user.id);
  return NextResponse.json({ bookings }, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = apiHandler(async (request: Request) => {
  const user = await requireApiUser();
  const input = createBookingSchema.parse(await readJsonBody(request));
  const result = await createBooking({
    client: { id: user.id, email: user.email },
    serviceSlug: input.service,
    therapistId: input.therapist,
    start: new Date(input.start),
    intake: input.intake,
    consent: input.consent,
  });
  return NextResponse.json(
    { booking: result.booking, checkoutUrl: result.checkoutUrl },
    { status: result.reused ? 200 : 201, headers: { "Cache-Control": "private, no-store" } },
  );
});
