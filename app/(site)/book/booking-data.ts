// Server-side reads the /book page and its action share: the settings the flow shows, and which
// therapists offer a service (with the ids the availability API and createBooking take).
import "server-only";
import type { TherapistOption } from "@/components/booking/choice-steps";
import { getActiveService } from "@/lib/catalog/services";
import { listTherapistsWithHours } from "@/lib/catalog/therapists";
import { getEnv } from "@/lib/env";
import { isStripeTestMode } from "@/lib/payments/stripe-client";
import { addDays, clinicToday, formatZoneName } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export function bookingSettings(now = new Date()) {
  const env = getEnv();
  const timeZone = getClinic().timeZone;
  const today = clinicToday(timeZone, now);
  return {
    timeZone,
    timeZoneName: formatZoneName(timeZone, now),
    today,
    lastDay: addDays(today, env.BOOKING_HORIZON_DAYS),
    holdMinutes: env.BOOKING_HOLD_MINUTES,
    // The local emulator, Stripe's test mode and staging (a test key against STRIPE_API_BASE) charge no card.
    testMode: isStripeTestMode(env),
  };
}

/** Every active therapist with the id the API uses (the catalogue lists them by slug). */
export async function listActiveTherapists(): Promise<TherapistOption[]> {
  // Any weekday will do: only the therapists themselves are read here, not their hours.
  const therapists = await listTherapistsWithHours(0);
  return therapists.map((therapist) => ({
    id: therapist.id,
    slug: therapist.slug,
    name: therapist.displayName,
    title: therapist.title,
  }));
}

/** The active therapists who offer an active service, in the catalogue's order; [] for an unknown one. */
export async function listTherapistsOffering(serviceSlug: string): Promise<TherapistOption[]> {
  const [service, everyone] = await Promise.all([getActiveService(serviceSlug), listActiveTherapists()]);
  if (!service) return [];
  return service.therapists.flatMap(({ therapist }) => everyone.filter((option) => option.slug === therapist.slug));
}
