import type { Metadata } from "next";
import { ScheduleControls } from "@/components/staff/schedule-controls";
import { WeekGrid } from "@/components/staff/week-grid";
import { Alert } from "@/components/ui/alert";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { listScheduleTherapists, loadSchedule } from "@/lib/schedule/load-schedule";
import { layOutSchedule } from "@/lib/schedule/schedule-layout";
import { loadStaffViewer, seesEveryone } from "@/lib/auth/staff-viewer";
import { addDays, clinicToday, clinicWeekday, formatClinicDate, formatZoneName } from "@/lib/time/clinic-time";
import { readScheduleParams, type ScheduleSearchParams } from "../schedule-params";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: week", robots: { index: false } };

function weekHref(day: string, therapist: string | undefined) {
  const params = new URLSearchParams({ day, ...(therapist ? { therapist } : {}) });
  return `/staff/week?${params}`;
}

// Monday to Sunday around the chosen day (today by default): a therapist's own week, or (admins)
// the whole clinic or one therapist.
export default async function StaffWeekPage({ searchParams }: { searchParams: ScheduleSearchParams }) {
  const user = await requireStaffRoute("/staff/week");
  const viewer = await loadStaffViewer(user);
  const timeZone = getClinic().timeZone;
  const now = new Date();
  const { day, invalidDay, therapist } = await readScheduleParams(searchParams, timeZone);
  const monday = addDays(day, -((clinicWeekday(day) + 6) % 7));
  const sunday = addDays(monday, 6);
  const today = clinicToday(timeZone, now);
  const admin = seesEveryone(viewer);
  const [schedule, therapists] = await Promise.all([
    loadSchedule(viewer, { from: monday, to: sunday, therapist, timeZone, now }),
    admin ? listScheduleTherapists() : null,
  ]);
  const filter = admin ? therapist : undefined;
  const thisWeek = today >= monday && today <= sunday;

  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">
        Week · {admin && !therapist ? "Whole clinic" : "Schedule"}
      </p>
      <h1 className="text-3xl font-semibold text-teal-800">
        {formatClinicDate(monday)} to {formatClinicDate(sunday)}
      </h1>
      <p className="text-muted">All times in {formatZoneName(timeZone, now)}.</p>
      {invalidDay ? (
        <div className="mt-4">
          <Alert tone="error">That date isn&apos;t valid, so this is this week&apos;s schedule.</Alert>
        </div>
      ) : null}
      <ScheduleControls
        day={day}
        therapist={filter}
        therapists={therapists}
        links={{
          previous: { href: weekHref(addDays(monday, -7), filter), label: "Previous week" },
          next: { href: weekHref(addDays(monday, 7), filter), label: "Next week" },
          today: thisWeek ? null : { href: weekHref(today, filter), label: "This week" },
        }}
      />
      <WeekGrid days={layOutSchedule(schedule)} timeZone={timeZone} today={today} />
    </>
  );
}
