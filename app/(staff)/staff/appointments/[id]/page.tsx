import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hoursInWords } from "@/components/booking/cancellation-policy";
import { StatusBadge } from "@/components/booking/status-badge";
import { AppointmentActions } from "@/components/staff/appointment-actions";
import { ConsentStatus } from "@/components/staff/consent-status";
import { CancelAppointmentForm } from "@/components/staff/cancel-appointment-form";
import { DeskPaymentForm } from "@/components/staff/desk-payment-form";
import { IntakeAnswersPanel } from "@/components/staff/intake-answers";
import { TreatmentNoteForm } from "@/components/staff/treatment-note-form";
import { TreatmentNoteHistory } from "@/components/staff/treatment-note-history";
import { RescheduleForm } from "@/components/booking/reschedule-form";
import { VisitList } from "@/components/staff/visit-list";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { cancellationDeadline, decideCancellationRefund } from "@/lib/booking/cancellation-policy";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { getEnv } from "@/lib/env";
import { NotFound } from "@/lib/errors/domain-errors";
import { formatMoney } from "@/lib/money";
import { getDeskPaymentStatus } from "@/lib/payments/record-desk-payment";
import { openStaffAppointment } from "@/lib/schedule/appointment";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { getTreatmentNote } from "@/lib/clinical/treatment-notes";
import { addDays, clinicToday, formatClinicDateTime, formatClinicTime, formatZoneName } from "@/lib/time/clinic-time";
import {
  cancelAppointmentAction,
  checkInAction,
  completeVisitAction,
  markNoShowAction,
  rescheduleAppointmentAction,
  recordDeskPaymentAction,
  saveTreatmentNoteAction,
} from "./actions";
import { recordDeskConsentAction, withdrawConsentAction } from "../../clients/[id]/actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: appointment", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

async function openOr404(...args: Parameters<typeof openStaffAppointment>) {
  try {
    return await openStaffAppointment(...args);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

// One appointment: who, what, when, money, the health screening (each view audited) and the
// client's earlier visits, with the steps the status allows.
export default async function StaffAppointmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const path = `/staff/appointments/${encodeURIComponent(id)}`;
  const user = await requireStaffRoute("/staff/appointments/[id]", path);
  const viewer = await loadStaffViewer(user);
  const env = getEnv();
  const timeZone = getClinic().timeZone;
  const now = new Date();
  const { booking, client, intake, screening, changesSinceLastVisit, pastVisits, cancellationTerms } = await openOr404(
    viewer,
    id,
    now,
  );
  const desk = await getDeskPaymentStatus({ id: user.id, role: user.role }, booking.id);
  const cutoffHours = cancellationTerms.freeCancellationHours;
  // After the appointment itself: its note (each view of an existing note is audited).
  const visitNote = await getTreatmentNote({ id: user.id, role: user.role }, booking.id);
  const signatures = await listConsentSignatures(client.id);
  const consentSigned = signatures.some(
    (signature) => signature.version === CURRENT_CONSENT.version && !signature.withdrawnAt,
  );
  const startsAt = new Date(booking.startsAt);
  const money = (cents: number) => formatMoney(cents, booking.currency);

  // The refund is decided again by cancelBooking when staff confirm; this is what they read first.
  const refundableCents = Math.max(0, booking.amountPaidCents - booking.amountRefundedCents);
  const policyRefund = decideCancellationRefund({ startsAt, now, terms: cancellationTerms, refundableCents });
  const deadline = cancellationDeadline(startsAt, cutoffHours);
  const policyNote =
    policyRefund.rule === "nothing_paid"
      ? "nothing has been paid, so there is nothing to refund"
      : policyRefund.rule === "full_notice"
        ? `full refund until ${formatClinicDateTime(deadline, timeZone)}, ${hoursInWords(cutoffHours)} before the start`
        : policyRefund.rule === "late_partial"
          ? `${cancellationTerms.lateCancellationRefundPercent}% refund: less than ${hoursInWords(cutoffHours)} before the start`
          : `no refund: less than ${hoursInWords(cutoffHours)} before the start`;
  const canCancel = booking.status === "CONFIRMED" || booking.status === "PENDING_PAYMENT";
  // Staff are not held to the client's online cut-off: any confirmed appointment can be moved.
  const canMove = booking.status === "CONFIRMED";
  const rescheduling = canMove && one(query.reschedule) === "1";
  const chosenDay = one(query.date)?.match(/^\d{4}-\d{2}-\d{2}$/) ? one(query.date) : undefined;
  const today = clinicToday(timeZone, now);

  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">Appointment</p>
      <h1 className="text-3xl font-semibold text-teal-800">
        {client.name ?? client.email}: {booking.service.name}
      </h1>
      <p className="mt-1 text-lg">
        {formatClinicDateTime(startsAt, timeZone)} – {formatClinicTime(new Date(booking.endsAt), timeZone)} with{" "}
        {booking.therapist.name}
      </p>
      <p className="mt-2 flex items-center gap-2">
        Status: <StatusBadge status={booking.status} />
      </p>

      <section aria-labelledby="steps-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="steps-heading" className="text-xl font-semibold">
          Steps
        </h2>
        {!consentSigned && (booking.status === "CONFIRMED" || booking.status === "CHECKED_IN") ? (
          <div className="mt-3">
            <Alert title="Consent not signed">
              Ask the client to sign the consent (version {CURRENT_CONSENT.version}) before treatment, then record it{" "}
              <a href="#consent-heading" className="font-semibold underline">
                under Consent
              </a>
              .
            </Alert>
          </div>
        ) : null}
        <div className="mt-3">
          <AppointmentActions
            bookingId={booking.id}
            status={booking.status}
            canMarkNoShow={startsAt.getTime() <= now.getTime()}
            actions={{ checkIn: checkInAction, complete: completeVisitAction, noShow: markNoShowAction }}
          />
        </div>
        <div data-slot="cancel-reschedule" className="mt-6 flex flex-col gap-6 border-t border-teal-600/15 pt-5">
          {one(query.moved) ? (
            <Alert title="Appointment moved">
              It is now {formatClinicDateTime(startsAt, timeZone)}. The client has been emailed the new time.
            </Alert>
          ) : null}
          {canMove ? (
            <section aria-labelledby="reschedule-heading">
              <h3 id="reschedule-heading" className="text-lg font-semibold">
                Move this appointment
              </h3>
              {rescheduling ? (
                <div className="mt-3">
                  <RescheduleForm
                    bookingId={booking.id}
                    service={booking.service.slug}
                    therapistId={booking.therapist.id}
                    therapistName={booking.therapist.name}
                    date={chosenDay}
                    taken={one(query.taken)}
                    today={today}
                    lastDay={addDays(today, env.BOOKING_HORIZON_DAYS)}
                    timeZone={timeZone}
                    timeZoneName={formatZoneName(timeZone, now)}
                    basePath={`${path}?reschedule=1`}
                    action={rescheduleAppointmentAction}
                    initialState={{ ok: false }}
                    carryOverNote="Same treatment and price: the payment carries over and the client is emailed."
                  />
                </div>
              ) : (
                <>
                  <p className="mt-1">
                    Another free time with {booking.therapist.name} for the same treatment; the payment carries over.
                  </p>
                  <ButtonLink href={`${path}?reschedule=1`} variant="secondary" className="mt-3 min-h-12">
                    Choose a new time
                  </ButtonLink>
                </>
              )}
            </section>
          ) : null}
          <section aria-labelledby="cancel-heading">
            <h3 id="cancel-heading" className="text-lg font-semibold">
              Cancel
            </h3>
            <div className="mt-1">
              {/* Rendered whatever the status, so the outcome of a cancellation stays shown after it. */}
              <CancelAppointmentForm
                bookingId={booking.id}
                cancellable={canCancel}
                refund={{
                  policy: money(policyRefund.refundCents),
                  policyNote,
                  refundable: money(refundableCents),
                  currencySymbol: money(0).replace(/[\d.,\s]/g, ""),
                }}
                action={cancelAppointmentAction}
              />
            </div>
          </section>
        </div>
      </section>

      {/* Signed before treatment: online with the booking, or at the desk on arrival (recorded here). */}
      <section aria-labelledby="consent-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="consent-heading" className="mb-3 text-xl font-semibold">
          Consent
        </h2>
        <ConsentStatus
          clientId={client.id}
          bookingId={booking.id}
          accountName={client.name}
          currentVersion={CURRENT_CONSENT.version}
          signatures={signatures}
          timeZone={timeZone}
          recordAction={recordDeskConsentAction}
          withdrawAction={withdrawConsentAction}
        />
      </section>

      <section aria-labelledby="note-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="note-heading" className="text-xl font-semibold">
          Treatment note
        </h2>
        <p className="mb-3 text-sm text-muted">
          Health data: your viewing of it is recorded and shown to the client. Saved versions are never overwritten.
        </p>
        {visitNote.writable ? (
          <TreatmentNoteForm
            bookingId={booking.id}
            note={
              visitNote.note && {
                version: visitNote.note.version,
                soap: visitNote.note.soap,
                calf: visitNote.note.calf,
                savedBy: `${visitNote.note.authorName}, ${formatClinicDateTime(visitNote.note.updatedAt, timeZone)}`,
              }
            }
            action={saveTreatmentNoteAction}
          />
        ) : (
          <p>
            {visitNote.note
              ? "This visit's note can be read in the history below."
              : booking.status === "CONFIRMED" || booking.status === "PENDING_PAYMENT"
                ? "A note can be written once the client has checked in."
                : "No note: this visit did not take place."}
          </p>
        )}
        {visitNote.note ? (
          <section aria-labelledby="note-history-heading" className="mt-6">
            <h3 id="note-history-heading" className="mb-2 text-lg font-semibold">
              Note history
            </h3>
            <TreatmentNoteHistory revisions={visitNote.note.revisions} timeZone={timeZone} />
          </section>
        ) : null}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="client-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="client-heading" className="text-xl font-semibold">
            Client
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Name</dt>
            <dd>
              <Link href={`/staff/clients/${client.id}`} className="underline">
                {client.name ?? "Not given"}
              </Link>
            </dd>
            <dt className="font-semibold">Email</dt>
            <dd>
              <a href={`mailto:${client.email}`} className="underline">
                {client.email}
              </a>
            </dd>
            <dt className="font-semibold">Phone</dt>
            <dd>
              {client.phone ? (
                <a href={`tel:${client.phone}`} className="underline">
                  {client.phone}
                </a>
              ) : (
                "Not given"
              )}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="money-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="money-heading" className="text-xl font-semibold">
            Payment
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Price</dt>
            <dd>{money(booking.priceCents)}</dd>
            <dt className="font-semibold">Paid</dt>
            <dd>{money(booking.amountPaidCents)}</dd>
            <dt className="font-semibold">Refunded</dt>
            <dd>{money(booking.amountRefundedCents)}</dd>
          </dl>
          {desk.payAtDesk ? (
            <DeskPaymentForm
              bookingId={booking.id}
              amount={money(booking.priceCents)}
              payable={desk.payable}
              paidNote={
                desk.paid
                  ? `${money(desk.paid.amountCents)} paid at the desk on ${formatClinicDateTime(desk.paid.paidAt, timeZone)}.`
                  : null
              }
              action={recordDeskPaymentAction}
            />
          ) : null}
        </section>
      </div>

      <section aria-labelledby="intake-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="intake-heading" className="text-xl font-semibold">
          Health screening
        </h2>
        <p className="mb-3 text-sm text-muted">Health data: your viewing of it is recorded and shown to the client.</p>
        <IntakeAnswersPanel intake={intake} screening={screening} changes={changesSinceLastVisit} timeZone={timeZone} />
      </section>

      <section aria-labelledby="past-heading" className="mt-6">
        <h2 id="past-heading" className="mb-3 text-xl font-semibold">
          Earlier visits
        </h2>
        <VisitList visits={pastVisits} timeZone={timeZone} empty="No earlier visits." />
      </section>
    </>
  );
}
