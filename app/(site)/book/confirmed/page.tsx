import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingConfirmation } from "@/components/booking/booking-confirmation";
import { bookingHref } from "@/components/booking/booking-url";
import { requireUser } from "@/lib/auth/guards";
import { confirmCheckoutSession } from "@/lib/booking/confirm-paid-booking";
import { cancellationDeadline, DEFAULT_CANCELLATION_TERMS } from "@/lib/booking/cancellation-policy";
import { getClientBookingByCheckoutSession } from "@/lib/booking/get-client-booking";
import { getActiveService } from "@/lib/catalog/services";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { formatClinicDateTime, formatClinicTime } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your booking", robots: { index: false } };

const SESSION_ID = /^[A-Za-z0-9_]{1,255}$/;

// Checkout's success_url: /book/confirmed?session_id=<id>. The booking is read scoped to the
// signed-in client; while it still awaits payment, the page asks Stripe itself through the same
// idempotent confirmation the webhook uses, so it rarely has to wait for the webhook.
export default async function BookingConfirmedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session_id: sessionId } = await searchParams;
  if (typeof sessionId !== "string" || !SESSION_ID.test(sessionId)) notFound();
  const user = await requireUser(`/book/confirmed?session_id=${encodeURIComponent(sessionId)}`);

  let booking = await getClientBookingByCheckoutSession(user.id, sessionId);
  if (!booking) notFound();
  if (booking.status === "PENDING_PAYMENT") {
    try {
      await confirmCheckoutSession(sessionId);
    } catch (error) {
      // Stripe unreachable for a moment: the webhook still confirms, and this page keeps asking.
      console.error("[book/confirmed] checkout session check failed", error);
    }
    booking = (await getClientBookingByCheckoutSession(user.id, sessionId)) ?? booking;
  }

  const env = getEnv();
  const timeZone = getClinic().timeZone;
  const startsAt = new Date(booking.startsAt);
  const service = await getActiveService(booking.service.slug);
  const terms = service ?? DEFAULT_CANCELLATION_TERMS;
  const freeUntil = cancellationDeadline(startsAt, terms.freeCancellationHours);
  const money = (cents: number) => formatMoney(cents, booking.currency);
  return (
    <BookingConfirmation
      booking={{
        id: booking.id,
        status: booking.status,
        serviceName: booking.service.name,
        therapistName: booking.therapist.name,
        when: formatClinicDateTime(startsAt, timeZone),
        where: `${getClinic().name}, ${getClinic().address}`,
        cancellationTerms: {
          freeCancellationHours: terms.freeCancellationHours,
          lateCancellationRefundPercent: terms.lateCancellationRefundPercent,
        },
        freeUntil: freeUntil > new Date() ? formatClinicDateTime(freeUntil, timeZone) : undefined,
        // The confirmation email is written to the outbox with the booking; it leaves only when mail
        // delivery is configured, so the page mentions it only then.
        emailTo: env.SMTP_URL ? user.email : undefined,
        detailsHref: `/account/bookings/${encodeURIComponent(booking.id)}`,
        endsAt: formatClinicTime(new Date(booking.endsAt), timeZone),
        price: money(booking.priceCents),
        paid: booking.amountPaidCents > 0 ? money(booking.amountPaidCents) : undefined,
        refunded: booking.amountRefundedCents > 0 ? money(booking.amountRefundedCents) : undefined,
        aftercareHref: service?.aftercareSlug ? `/learn/${service.aftercareSlug}` : "/learn",
        bookAgainHref: bookingHref({ service: booking.service.slug }),
      }}
    />
  );
}
