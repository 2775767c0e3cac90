import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WeekSummary } from "@/components/staff/week-summary";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { seesEveryone, loadStaffViewer } from "@/lib/auth/staff-viewer";
import { listTherapistWeeks } from "@/lib/hours/therapist-hours";
import { formatZoneName } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: hours", robots: { index: false } };

// Admins: every therapist's week, each opening its editor. A therapist goes straight to their own.
export default async function StaffHoursPage() {
  const user = await requireStaffRoute("/staff/hours");
  const viewer = await loadStaffViewer(user);
  if (!seesEveryone(viewer)) {
    if (viewer.therapistId) redirect(`/staff/hours/${encodeURIComponent(viewer.therapistId)}`);
    return (
      <>
        <h1 className="text-3xl font-semibold text-teal-800">Hours</h1>
        <p className="mt-4">Your account has no therapist profile yet, so there are no working hours to show.</p>
      </>
    );
  }
  const timeZone = getClinic().timeZone;
  const therapists = await listTherapistWeeks();
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Hours</h1>
      <p className="mt-2 text-muted">
        Weekly working hours, in {formatZoneName(timeZone)} ({timeZone}). Open a therapist to change their week, breaks
        and time off.
      </p>
      {therapists.length === 0 ? <p className="mt-6">No therapists yet.</p> : null}
      <ul className="mt-6 flex flex-col gap-4">
        {therapists.map((therapist) => (
          <li key={therapist.id} className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
            <h2 className="text-xl font-semibold">
              <Link
                href={`/staff/hours/${encodeURIComponent(therapist.id)}`}
                className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2"
              >
                {therapist.displayName}
              </Link>
              {therapist.active ? null : <span className="ml-2 text-base font-normal text-muted">(inactive)</span>}
            </h2>
            <WeekSummary workingHours={therapist.workingHours} breaks={[]} />
          </li>
        ))}
      </ul>
    </>
  );
}
