import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RemoveTimeOffButton } from "@/components/staff/remove-time-off-button";
import { TimeOffForm } from "@/components/staff/time-off-form";
import { WeekSummary } from "@/components/staff/week-summary";
import { WorkingHoursForm } from "@/components/staff/working-hours-form";
import { NotFound } from "@/lib/errors/domain-errors";
import { weekInputOf } from "@/lib/hours/hours-ranges";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { seesEveryone, loadStaffViewer, type StaffViewer } from "@/lib/auth/staff-viewer";
import { getTherapistWeek } from "@/lib/hours/therapist-hours";
import { formatClinicDateTime, formatZoneName } from "@/lib/time/clinic-time";
import { addTimeOffAction, removeTimeOffAction, replaceWorkingHoursAction } from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: therapist's hours", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

async function weekOr404(viewer: StaffViewer, therapistId: string) {
  try {
    return await getTherapistWeek(viewer, therapistId);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

// One therapist's week, breaks and upcoming time off: an admin changes them here; a therapist sees
// their own (anyone else's is a 404).
export default async function TherapistHoursPage({ params }: Props) {
  const { id } = await params;
  const user = await requireStaffRoute("/staff/hours/[id]", `/staff/hours/${encodeURIComponent(id)}`);
  const viewer = await loadStaffViewer(user);
  const therapist = await weekOr404(viewer, id);
  const timeZone = getClinic().timeZone;
  const zoneName = formatZoneName(timeZone);
  const admin = seesEveryone(viewer);
  const span = (off: { startsAt: Date; endsAt: Date }) =>
    `${formatClinicDateTime(off.startsAt, timeZone)} to ${formatClinicDateTime(off.endsAt, timeZone)}`;

  return (
    <>
      {admin ? (
        <p>
          <Link href="/staff/hours" className="inline-flex min-h-11 items-center text-teal-800 underline">
            Everyone&apos;s hours
          </Link>
        </p>
      ) : null}
      <h1 className="text-3xl font-semibold text-teal-800">
        {admin ? `${therapist.displayName}'s hours` : "Your hours"}
      </h1>
      <p className="mt-2 text-muted">
        All times in {zoneName} ({timeZone}).
        {admin ? " Changes show in online booking at once." : " Ask the clinic's admin to change them."}
      </p>

      <section aria-labelledby="week-heading" className="mt-8 max-w-4xl">
        <h2 id="week-heading" className="text-2xl font-semibold text-teal-800">
          Weekly hours and breaks
        </h2>
        <div className="mt-4">
          {admin ? (
            <WorkingHoursForm
              therapistId={therapist.id}
              initial={weekInputOf({ workingHours: therapist.workingHours, breaks: therapist.breaks })}
              zoneName={zoneName}
              action={replaceWorkingHoursAction}
            />
          ) : (
            <WeekSummary workingHours={therapist.workingHours} breaks={therapist.breaks} />
          )}
        </div>
      </section>

      <section aria-labelledby="time-off-heading" className="mt-10 max-w-4xl">
        <h2 id="time-off-heading" className="text-2xl font-semibold text-teal-800">
          Time off
        </h2>
        {therapist.timeOff.length === 0 ? (
          <p className="mt-3 text-muted">No time off ahead.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-3">
            {therapist.timeOff.map((off) => (
              <li
                key={off.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-3 ring-1 ring-teal-600/15"
              >
                <span>
                  {span(off)}
                  {off.reason ? <span className="block text-sm text-muted">{off.reason}</span> : null}
                </span>
                {admin ? (
                  <RemoveTimeOffButton
                    therapistId={therapist.id}
                    timeOffId={off.id}
                    span={span(off)}
                    action={removeTimeOffAction}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {admin ? (
          <div className="mt-6 rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
            <h3 className="text-lg font-semibold">Add time off</h3>
            <div className="mt-3">
              <TimeOffForm therapistId={therapist.id} zoneName={zoneName} action={addTimeOffAction} />
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
