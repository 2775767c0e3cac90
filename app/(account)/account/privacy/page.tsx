import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { HealthDataViewList } from "@/components/account/health-data-view-list";
import { buttonClasses } from "@/components/ui/button";
import { listHealthDataViews } from "@/lib/account/list-health-data-views";
import { requireUser } from "@/lib/auth/guards";
import { listClientBookings, partitionBookings } from "@/lib/booking/list-bookings";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { deleteAccountAction } from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacy and your data", robots: { index: false } };

const CANCELLABLE = ["CONFIRMED", "PENDING_PAYMENT"];

export default async function PrivacyPage() {
  const user = await requireUser("/account/privacy");
  const timeZone = getClinic().timeZone;
  const [views, bookings] = await Promise.all([listHealthDataViews(user.id), listClientBookings(user.id)]);
  const now = new Date();
  const toCancel = partitionBookings(bookings, now).upcoming.filter(
    (booking) => CANCELLABLE.includes(booking.status) && booking.startsAt > now,
  );
  const consequence =
    toCancel.length === 0
      ? "Your name, email address, phone number and password are removed and you are signed out. You can't undo this."
      : `Your ${toCancel.length === 1 ? "upcoming appointment is" : `${toCancel.length} upcoming appointments are`} cancelled and refunded under its treatment's cancellation policy (each appointment's page shows the amount), then your name, email address, phone number and password are removed and you are signed out. You can't undo this.`;

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-semibold text-teal-800">Privacy and your data</h1>
        <p className="mt-1 text-muted">
          See who at the clinic has looked at your health information, take a copy of everything we hold about you, or
          delete your account.
        </p>
      </div>

      <section aria-labelledby="views-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="views-heading" className="text-xl font-semibold">
          Who viewed your health information
        </h2>
        <p className="mt-1 text-muted">
          Each time a member of staff opens your health answers, treatment notes or calf records, we record who and
          when.
        </p>
        <div className="mt-4">
          <HealthDataViewList views={views} timeZone={timeZone} />
        </div>
      </section>

      <section aria-labelledby="export-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="export-heading" className="text-xl font-semibold">
          Download your data
        </h2>
        <p className="mt-1">
          One file (JSON) with your profile, appointments and health answers, payments and refunds, treatment notes and
          calf records, the messages we sent you, and the list above.
        </p>
        <a href="/api/account/export" download className={buttonClasses("primary", "mt-3")}>
          Download my data
        </a>
      </section>

      <section aria-labelledby="delete-heading" className="rounded-2xl bg-white p-5 ring-1 ring-alert-700/30">
        <h2 id="delete-heading" className="text-xl font-semibold">
          Delete your account
        </h2>
        <p className="mt-1">
          We keep the records a clinic must keep (appointments, payments, refunds and treatment records), no longer
          linked to your name or email address.
        </p>
        {toCancel.length > 0 ? (
          <div className="mt-3">
            <p className="font-semibold">
              These appointments will be cancelled and refunded under each treatment&apos;s cancellation policy (open
              one to see its refund):
            </p>
            <ul className="mt-1 list-disc pl-5">
              {toCancel.map((booking) => (
                <li key={booking.id}>
                  <Link
                    href={`/account/bookings/${encodeURIComponent(booking.id)}`}
                    className="text-teal-800 underline"
                  >
                    {booking.serviceName}, {formatClinicDateTime(booking.startsAt, timeZone)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4">
          <DeleteAccountForm action={deleteAccountAction} consequence={consequence} />
        </div>
      </section>
    </div>
  );
}
