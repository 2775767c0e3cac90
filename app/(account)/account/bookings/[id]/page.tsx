import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelBookingForm } from "@/components/account/cancel-booking-form";
import { IntakeAnswersList } from "@/components/account/intake-answers";
import { RescheduleForm } from "@/components/booking/reschedule-form";
import { CancellationPolicy } from "@/components/booking/cancellation-policy";
import { StatusBadge } from "@/components/booking/status-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guards";
import {
  canRescheduleOnline,
  cancellationDeadline,
  decideCancellationRefund,
  describeRefundNow,
} from "@/lib/booking/cancellation-policy";
import { getClientBookingDetails } from "@/lib/booking/get-client-booking-details";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { addDays, clinicToday, formatClinicDateTime, formatClinicTime, formatZoneName } from "@/lib/time/clinic-time";
import { cancelBookingAction, rescheduleBookingAction } from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your appointment", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AccountBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const path = `/account/bookings/${encodeURIComponent(id)}`;
  const user = await requireUser(path);
  const details = await getClientBookingDetails(user.id, id);
  if (!details) notFound();

  const env = getEnv();
  const timeZone = getClinic().timeZone;
  const terms = details.cancellationTerms;
  const cutoffHours = terms.freeCancellationHours;
  const now = new Date();
  const { booking } = details;
  const startsAt = new Date(booking.startsAt);
  const money = (cents: number) => formatMoney(cents, booking.currency);
  const upcoming = startsAt > now;
  const canCancel = upcoming && (booking.status === "CONFIRMED" || booking.status === "PENDING_PAYMENT");
  const canMove = upcoming && booking.status === "CONFIRMED" && canRescheduleOnline(startsAt, now, cutoffHours);
  const refundOf = (newCalfSymptoms: boolean) =>
    decideCancellationRefund({ startsAt, now, terms, refundableCents: details.refundableCents, newCalfSymptoms });
  const deadline = cancellationDeadline(startsAt, cutoffHours);
  const standardRefund = refundOf(false);
  const refundNow = describeRefundNow(standardRefund, terms, money);
  const policyNote =
    standardRefund.rule === "full_notice" && cutoffHours > 0
      ? `${refundNow} That holds until ${formatClinicDateTime(deadline, timeZone)}.`
      : standardRefund.rule === "full_notice" || standardRefund.rule === "nothing_paid"
        ? refundNow
        : `${refundNow} New calf pain or swelling waives the fee.`;
  // Refunds decided (sent or still on their way to the card), not only those Stripe has confirmed.
  const refundingCents = details.payments
    .flatMap((payment) => payment.refunds)
    .filter((refund) => refund.status !== "FAILED")
    .reduce((sum, refund) => sum + refund.amountCents, 0);
  const rescheduling = canMove && one(query.reschedule) === "1";
  const today = clinicToday(timeZone, now);

  return (
    <article className="flex flex-col gap-8">
      <p>
        <Link href="/account" className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
          ← Your appointments
        </Link>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-semibold text-teal-800">{booking.service.name}</h1>
          <p className="mt-1 text-lg">
            {formatClinicDateTime(startsAt, timeZone)} to {formatClinicTime(new Date(booking.endsAt), timeZone)}
          </p>
          <p className="text-muted">with {booking.therapist.name}</p>
        </div>
        <StatusBadge status={booking.status} />
      </header>

      {one(query.moved) ? (
        <Alert title="Appointment moved">
          Your appointment is now {formatClinicDateTime(startsAt, timeZone)}. We&apos;ve emailed you the new time.
        </Alert>
      ) : null}
      {one(query.cancelled) ? (
        <Alert title="Appointment cancelled">
          {refundingCents > 0
            ? `We're refunding ${money(refundingCents)}. It usually reaches your card within 5 to 10 business days.`
            : "No refund was due under the cancellation policy."}
        </Alert>
      ) : null}

      <section aria-labelledby="payment-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="payment-heading" className="text-xl font-semibold">
          Payment
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt>Price</dt>
          <dd>{money(booking.priceCents)}</dd>
          <dt>Paid</dt>
          <dd>
            {details.payAtDesk && booking.amountPaidCents === 0 ? "Pay at the clinic" : money(booking.amountPaidCents)}
          </dd>
          <dt>Refunded</dt>
          <dd>{money(booking.amountRefundedCents)}</dd>
        </dl>
        <div className="mt-4 flex flex-wrap gap-3">
          {details.payments.length > 0 ? (
            <ButtonLink href={`${path}/receipt`} variant="secondary">
              Receipt
            </ButtonLink>
          ) : null}
          {booking.status === "CONFIRMED" ? (
            <a
              href={`/api/bookings/${encodeURIComponent(booking.id)}/ics`}
              className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
            >
              Add to calendar (.ics)
            </a>
          ) : null}
          <Link
            href={details.aftercareSlug ? `/learn/${details.aftercareSlug}` : "/learn"}
            className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
          >
            Read the aftercare guide
          </Link>
        </div>
      </section>

      {canMove ? (
        <section aria-labelledby="reschedule-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="reschedule-heading" className="text-xl font-semibold">
            Move this appointment
          </h2>
          {rescheduling ? (
            <div className="mt-4">
              <RescheduleForm
                bookingId={booking.id}
                service={booking.service.slug}
                therapistId={booking.therapist.id}
                therapistName={booking.therapist.name}
                date={one(query.date)?.match(/^\d{4}-\d{2}-\d{2}$/) ? one(query.date) : undefined}
                taken={one(query.taken)}
                today={today}
                lastDay={addDays(today, env.BOOKING_HORIZON_DAYS)}
                timeZone={timeZone}
                timeZoneName={formatZoneName(timeZone, now)}
                basePath={`${path}?reschedule=1`}
                action={rescheduleBookingAction}
                initialState={{ ok: false }}
                carryOverNote="Same treatment and price: your payment carries over."
              />
            </div>
          ) : (
            <>
              <p className="mt-2">
                You can move it to another free time with {booking.therapist.name} until{" "}
                {formatClinicDateTime(deadline, timeZone)}. Your payment carries over.
              </p>
              <ButtonLink href={`${path}?reschedule=1`} variant="secondary" className="mt-3">
                Choose a new time
              </ButtonLink>
            </>
          )}
        </section>
      ) : null}

      {canCancel ? (
        <section aria-labelledby="cancel-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="cancel-heading" className="text-xl font-semibold">
            Cancel
          </h2>
          <div className="mt-2">
            <CancelBookingForm
              bookingId={booking.id}
              policyNote={policyNote}
              refund={{
                standardCents: standardRefund.refundCents,
                standard: money(standardRefund.refundCents),
                waivedCents: refundOf(true).refundCents,
                waived: money(refundOf(true).refundCents),
              }}
              action={cancelBookingAction}
            />
          </div>
        </section>
      ) : null}

      {upcoming && booking.status !== "CANCELLED" ? (
        <section aria-labelledby="policy-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="policy-heading" className="text-xl font-semibold">
            Cancellation policy
          </h2>
          <CancellationPolicy
            terms={terms}
            freeUntil={deadline > now ? formatClinicDateTime(deadline, timeZone) : undefined}
            insideCutoff={deadline <= now}
            className="mt-2"
          />
        </section>
      ) : null}

      {details.intake ? (
        <section aria-labelledby="intake-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="intake-heading" className="text-xl font-semibold">
            Your health answers
          </h2>
          <p className="mt-1 text-muted">Only you and the clinic&apos;s staff can see these.</p>
          <div className="mt-3">
            <IntakeAnswersList intake={details.intake} />
          </div>
        </section>
      ) : null}
    </article>
  );
}
