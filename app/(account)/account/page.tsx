import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { describeBookingMoney } from "@/components/account/booking-money";
import { StatusBadge } from "@/components/booking/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/guards";
import { listClientBookings, partitionBookings } from "@/lib/booking/list-bookings";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const bookings = await listClientBookings(user.id);
  const timeZone = getClinic().timeZone;
  const { upcoming, past } = partitionBookings(bookings);

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold text-teal-800">Hello{user.name ? `, ${user.name}` : ""}</h1>
          <p className="mt-1 text-muted">Signed in as {user.email}</p>
        </div>
        <SignOutButton action={signOutAction} />
      </div>

      <section aria-labelledby="upcoming-heading" className="mt-10">
        <h2 id="upcoming-heading" className="text-2xl font-semibold">
          Upcoming appointments
        </h2>
        {upcoming.length === 0 ? (
          <div className="mt-4 rounded-2xl bg-white p-6 ring-1 ring-teal-600/15">
            <p>You have no upcoming appointments.</p>
            <ButtonLink href="/services" className="mt-4">
              Choose a treatment
            </ButtonLink>
          </div>
        ) : (
          <ul className="mt-4 flex flex-col gap-3">
            {upcoming.map((booking) => (
              <li key={booking.id} className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link
                    href={`/account/bookings/${encodeURIComponent(booking.id)}`}
                    className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
                  >
                    {booking.serviceName}
                    <span className="sr-only">, {formatClinicDateTime(booking.startsAt, timeZone)}</span>
                  </Link>
                  <StatusBadge status={booking.status} />
                </div>
                <p className="mt-1">{formatClinicDateTime(booking.startsAt, timeZone)}</p>
                <p className="text-muted">with {booking.therapistName}</p>
                <p className="text-muted">{describeBookingMoney(booking)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading" className="mt-10">
          <h2 id="past-heading" className="text-2xl font-semibold">
            Past and cancelled
          </h2>
          <ul className="mt-4 divide-y divide-teal-600/10 rounded-2xl bg-white ring-1 ring-teal-600/15">
            {past.map((booking) => (
              <li key={booking.id} className="flex flex-wrap items-start justify-between gap-2 p-4">
                <div>
                  <Link
                    href={`/account/bookings/${encodeURIComponent(booking.id)}`}
                    className="inline-flex min-h-11 items-center text-teal-800 underline"
                  >
                    {booking.serviceName} · {formatClinicDateTime(booking.startsAt, timeZone)}
                  </Link>
                  <p className="text-muted">
                    with {booking.therapistName} · {describeBookingMoney(booking)}
                  </p>
                </div>
                <StatusBadge status={booking.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
