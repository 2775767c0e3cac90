import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { StatusBadge } from "@/components/booking/status-badge";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guards";
import { listBookingsBetween } from "@/lib/booking/list-bookings";
import { listTherapistsWithHours } from "@/lib/catalog/therapists";
import { getEnv } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import {
  addDays,
  clinicDayBounds,
  clinicToday,
  clinicWeekday,
  formatClinicDate,
  formatClinicTime,
  formatMinutesOfDay,
  formatZoneName,
  isSchedulableDate,
  SCHEDULE_DATE_RANGE,
} from "@/lib/time/clinic-time";

const DAY_LINK =
  "inline-flex min-h-11 items-center rounded-full px-4 font-semibold text-teal-800 ring-1 ring-teal-600/40 hover:bg-teal-50";

type Props = { searchParams: Promise<{ day?: string | string[] }> };

// The requested day, or today when none (or an impossible one) was asked for.
function resolveDay(requested: string | string[] | undefined, timeZone: string) {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value && isSchedulableDate(value)) return { day: value, invalid: false };
  return { day: clinicToday(timeZone), invalid: Boolean(value) };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { day } = resolveDay((await searchParams).day, getEnv().CLINIC_TIME_ZONE);
  return { title: `Staff: ${formatClinicDate(day)}`, robots: { index: false } };
}

export default async function StaffHomePage({ searchParams }: Props) {
  const user = await requireRole(STAFF_ROLES, "/staff");
  const timeZone = getEnv().CLINIC_TIME_ZONE;
  const { day, invalid } = resolveDay((await searchParams).day, timeZone);
  const today = clinicToday(timeZone);
  const { start, end } = clinicDayBounds(day, timeZone);
  const [therapists, bookings] = await Promise.all([
    listTherapistsWithHours(clinicWeekday(day)),
    listBookingsBetween(start, end),
  ]);

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">
            Staff · {user.role === "ADMIN" ? "Admin" : "Therapist"}
          </p>
          <h1 className="text-3xl font-semibold text-teal-800">{formatClinicDate(day)}</h1>
          <p className="text-muted">All times in {formatZoneName(timeZone)}.</p>
        </div>
        <SignOutButton action={signOutAction} />
      </div>

      {invalid ? (
        <div className="mt-6">
          <Alert tone="error">That date isn&apos;t valid, so this is today&apos;s schedule.</Alert>
        </div>
      ) : null}

      <nav aria-label="Choose a day" className="mt-6 flex flex-wrap items-end gap-3">
        <Link href={`/staff?day=${addDays(day, -1)}`} className={DAY_LINK}>
          <span aria-hidden="true">←&nbsp;</span>Previous day
        </Link>
        {day !== today ? (
          <Link href="/staff" className={DAY_LINK}>
            Today
          </Link>
        ) : null}
        <Link href={`/staff?day=${addDays(day, 1)}`} className={DAY_LINK}>
          Next day<span aria-hidden="true">&nbsp;→</span>
        </Link>
      </nav>

      <form className="mt-4 flex flex-wrap items-end gap-3" method="get">
        <label className="flex flex-col gap-1 font-semibold">
          Show day
          <input
            type="date"
            name="day"
            defaultValue={day}
            min={SCHEDULE_DATE_RANGE.min}
            max={SCHEDULE_DATE_RANGE.max}
            className="min-h-11 rounded-lg border border-muted bg-white px-3"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
        >
          Go
        </button>
      </form>

      <section aria-labelledby="schedule-heading" className="mt-8">
        <h2 id="schedule-heading" className="text-2xl font-semibold">
          Appointments
        </h2>
        {bookings.length === 0 ? (
          <p className="mt-3 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">No appointments on this day.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-2xl bg-white ring-1 ring-teal-600/15">
            <table className="w-full text-left">
              <thead className="bg-teal-50 text-sm">
                <tr>
                  <th scope="col" className="p-3">
                    Time
                  </th>
                  <th scope="col" className="p-3">
                    Client
                  </th>
                  <th scope="col" className="p-3">
                    Treatment
                  </th>
                  <th scope="col" className="p-3">
                    Therapist
                  </th>
                  <th scope="col" className="p-3">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-teal-600/10">
                {bookings.map((booking) => (
                  <tr key={booking.id}>
                    <td className="p-3 whitespace-nowrap">{formatClinicTime(booking.startsAt, timeZone)}</td>
                    <td className="p-3">{booking.clientName ?? "Client"}</td>
                    <td className="p-3">{booking.serviceName}</td>
                    <td className="p-3">{booking.therapistName}</td>
                    <td className="p-3">
                      <StatusBadge status={booking.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="team-heading" className="mt-10">
        <h2 id="team-heading" className="text-2xl font-semibold">
          Who is working
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          {therapists.map((therapist) => (
            <li key={therapist.id} className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
              <p className="font-semibold">{therapist.displayName}</p>
              {therapist.workingHours.length === 0 ? (
                <p className="text-muted">Day off</p>
              ) : (
                <p>
                  {therapist.workingHours
                    .map((h) => `${formatMinutesOfDay(h.startMinute)} – ${formatMinutesOfDay(h.endMinute)}`)
                    .join(", ")}
                </p>
              )}
              {therapist.breaks.map((b) => (
                <p key={b.startMinute} className="text-sm text-muted">
                  {b.label ?? "Break"}: {formatMinutesOfDay(b.startMinute)} – {formatMinutesOfDay(b.endMinute)}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
