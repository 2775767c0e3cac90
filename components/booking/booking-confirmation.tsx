// The page after Checkout: the booking as it stands now. Confirmed shows the appointment with an
// "Add to calendar" file; still pending says so and refreshes itself; a lost slot says it is refunded.
import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { hoursInWords } from "./cancellation-policy";
import { ClinicPhoneLink, OpeningHours } from "@/components/layout/clinic-phone";
import type { CancellationTerms } from "@/lib/booking/cancellation-policy";
import type { BookingStatus } from "@/lib/booking/status";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";
import { ClearIntakeDraft } from "./clear-intake-draft";
import { ConfirmationRefresh } from "./confirmation-refresh";

export interface ConfirmationDetails {
  id: string;
  status: BookingStatus;
  serviceName: string;
  therapistName: string;
  when: string; // with its zone
  where: string; // the clinic's address
  cancellationTerms: CancellationTerms;
  freeUntil?: string; // the end of free cancellation, with its zone, while it is still ahead
  emailTo?: string; // where the confirmation email goes, when email is delivered at all
  detailsHref: string; // the appointment's own page in the account
  endsAt: string;
  price: string;
  paid?: string; // amount paid, once paid
  refunded?: string;
  aftercareHref: string;
  bookAgainHref: string;
}

const CONFIRMED: BookingStatus[] = ["CONFIRMED", "CHECKED_IN", "COMPLETED"];

export function BookingConfirmation({ booking }: { booking: ConfirmationDetails }) {
  const confirmed = CONFIRMED.includes(booking.status);
  const pending = booking.status === "PENDING_PAYMENT";
  const { freeCancellationHours: freeHours, lateCancellationRefundPercent: latePercent } = booking.cancellationTerms;
  const heading = confirmed
    ? "You're booked"
    : pending
      ? "Confirming your payment…"
      : booking.paid
        ? "This time couldn't be kept"
        : "This booking wasn't completed";

  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <ClearIntakeDraft />
      <h1 className="text-3xl font-semibold text-teal-800 sm:text-4xl">{heading}</h1>

      {pending ? <ConfirmationRefresh /> : null}
      {!confirmed && !pending ? (
        <div className="mt-4">
          <Alert tone="error">
            {booking.paid
              ? `Your payment arrived after your hold on this time had ended, and the time was no longer free. We're refunding ${booking.paid} in full to your card; nothing else is needed from you.`
              : "Your hold on this time ended before payment, so nothing was charged."}
          </Alert>
        </div>
      ) : null}

      <section
        aria-labelledby="appointment-heading"
        className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15 sm:p-6"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="appointment-heading" className="text-xl font-semibold">
            {booking.serviceName}
          </h2>
          <StatusBadge status={booking.status} />
        </div>
        <dl className="mt-3 divide-y divide-teal-600/10">
          <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
            <dt className="font-semibold sm:w-28 sm:shrink-0">When</dt>
            <dd>
              {booking.when}, until {booking.endsAt}
            </dd>
          </div>
          <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
            <dt className="font-semibold sm:w-28 sm:shrink-0">Where</dt>
            <dd>{booking.where}</dd>
          </div>
          <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
            <dt className="font-semibold sm:w-28 sm:shrink-0">Therapist</dt>
            <dd>{booking.therapistName}</dd>
          </div>
          <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
            <dt className="font-semibold sm:w-28 sm:shrink-0">{booking.paid ? "Paid" : "Price"}</dt>
            <dd>
              {booking.paid ?? booking.price}
              {booking.refunded ? ` (${booking.refunded} refunded)` : ""}
            </dd>
          </div>
          {confirmed ? (
            <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
              <dt className="font-semibold sm:w-28 sm:shrink-0">Free cancellation</dt>
              <dd>
                {freeHours === 0
                  ? "Any time before your appointment starts"
                  : booking.freeUntil
                    ? `Until ${booking.freeUntil} (${hoursInWords(freeHours)} before)`
                    : `Ended: your appointment is less than ${hoursInWords(freeHours)} away, so ${
                        latePercent > 0
                          ? `a cancellation refunds ${latePercent}% of this payment`
                          : "this payment can't be refunded if you cancel"
                      }`}
              </dd>
            </div>
          ) : null}
        </dl>
        {confirmed && booking.emailTo ? (
          <p className="mt-3">
            A confirmation email is on its way to <strong className="break-all">{booking.emailTo}</strong>.
          </p>
        ) : null}
        {confirmed ? (
          <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            {/* A file download, not a page: a plain link so the browser saves or opens it. */}
            <a
              href={`/api/bookings/${encodeURIComponent(booking.id)}/ics`}
              download
              className={buttonClasses("primary")}
            >
              Add to calendar (.ics)
            </a>
            <ButtonLink href="/account" variant="secondary">
              Your appointments
            </ButtonLink>
          </div>
        ) : null}
      </section>

      {confirmed ? (
        <section aria-labelledby="next-heading" className="mt-6">
          <h2 id="next-heading" className="text-xl font-semibold">
            Before and after your visit
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>
              Your appointment is in your account, where you can see it any time:{" "}
              <Link href={booking.detailsHref} className="font-semibold text-teal-800 underline">
                see, move or cancel this appointment
              </Link>
              .
            </li>
            <li>
              <strong>{SYMPTOM_ADVICE.sameDay}</strong> {SYMPTOM_ADVICE.emergency} If you cancel because of these
              symptoms, there is no fee. Questions? Call <ClinicPhoneLink className="text-teal-800" />.
              <OpeningHours className="mt-1 block" />
            </li>
            <li>
              <Link href={booking.aftercareHref} className="font-semibold text-teal-800 underline">
                Read the aftercare guide
              </Link>{" "}
              for the day after your massage.
            </li>
          </ul>
        </section>
      ) : null}

      {!confirmed && !pending ? (
        <ButtonLink href={booking.bookAgainHref} className="mt-6">
          Choose another time
        </ButtonLink>
      ) : null}
      {pending ? (
        <p className="mt-6">
          <Link href="/account" className="font-semibold text-teal-800 underline">
            Go to your appointments
          </Link>
        </p>
      ) : null}
    </div>
  );
}
