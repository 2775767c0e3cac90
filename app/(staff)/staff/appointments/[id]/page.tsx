import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/booking/status-badge";
import { AppointmentActions } from "@/components/staff/appointment-actions";
import { IntakeAnswersPanel } from "@/components/staff/intake-answers";
import { VisitList } from "@/components/staff/visit-list";
import { getEnv } from "@/lib/env";
import { NotFound } from "@/lib/errors/domain-errors";
import { formatMoney } from "@/lib/money";
import { openStaffAppointment } from "@/lib/staff/appointment";
import { requireStaffRoute } from "@/lib/staff/require-staff-route";
import { loadStaffViewer } from "@/lib/staff/staff-viewer";
import { formatClinicDateTime, formatClinicTime } from "@/lib/time/clinic-time";
import { checkInAction, completeVisitAction, markNoShowAction } from "./actions";

export const metadata: Metadata = { title: "Staff: appointment", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

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
export default async function StaffAppointmentPage({ params }: Props) {
  const { id } = await params;
  const user = await requireStaffRoute("/staff/appointments/[id]", `/staff/appointments/${encodeURIComponent(id)}`);
  const viewer = await loadStaffViewer(user);
  const timeZone = getEnv().CLINIC_TIME_ZONE;
  const now = new Date();
  const { booking, client, intake, pastVisits } = await openOr404(viewer, id, now);
  const startsAt = new Date(booking.startsAt);
  const money = (cents: number) => formatMoney(cents, booking.currency);

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
        <div className="mt-3">
          <AppointmentActions
            bookingId={booking.id}
            status={booking.status}
            canMarkNoShow={startsAt.getTime() <= now.getTime()}
            actions={{ checkIn: checkInAction, complete: completeVisitAction, noShow: markNoShowAction }}
          />
        </div>
        {/* CANCEL / RESCHEDULE: wire cancelBooking and rescheduleBooking (lib/booking/cancel-booking.ts,
            reschedule-booking.ts) here, as Server Actions listed in lib/staff/staff-routes.ts. */}
        <div data-slot="cancel-reschedule" className="mt-4 text-sm text-muted">
          To cancel or move this appointment, call the front desk for now.
        </div>
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
        </section>
      </div>

      <section aria-labelledby="intake-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="intake-heading" className="text-xl font-semibold">
          Health screening
        </h2>
        <p className="mb-3 text-sm text-muted">Health data: your viewing of it is recorded and shown to the client.</p>
        <IntakeAnswersPanel intake={intake} />
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
