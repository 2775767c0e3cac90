import type { Metadata } from "next";
import { DayAgenda } from "@/components/staff/day-agenda";
import { ScheduleControls } from "@/components/staff/schedule-controls";
import { SymptomFollowUps } from "@/components/staff/symptom-follow-ups";
import { Alert } from "@/components/ui/alert";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { listScheduleTherapists, loadSchedule } from "@/lib/schedule/load-schedule";
import { agendaOf, layOutSchedule } from "@/lib/schedule/schedule-layout";
import { loadStaffViewer, seesEveryone } from "@/lib/auth/staff-viewer";
import { FOLLOW_UP_DAYS, listSymptomFollowUps } from "@/lib/clinical/symptom-follow-ups";
import { addDays, clinicToday, formatClinicDate, formatZoneName } from "@/lib/time/clinic-time";
import { readScheduleParams, type ScheduleSearchParams } from "./schedule-params";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: day", robots: { index: false } };

function dayHref(day: string, therapist: string | undefined) {
  const params = new URLSearchParams({ day, ...(therapist ? { therapist } : {}) });
  return `/staff?${params}`;
}

// The day's schedule, today in the clinic zone by default: a therapist's own, or (admins) the whole
// clinic or one therapist.
export default async function StaffDayPage({ searchParams }: { searchParams: ScheduleSearchParams }) {
  const user = await requireStaffRoute("/staff");
  const viewer = await loadStaffViewer(user);
  const timeZone = getClinic().timeZone;
  const now = new Date();
  const { day, invalidDay, therapist } = await readScheduleParams(searchParams, timeZone);
  const today = clinicToday(timeZone, now);
  const admin = seesEveryone(viewer);
  const [schedule, therapists, followUps] = await Promise.all([
    loadSchedule(viewer, { from: day, to: day, therapist, timeZone, now }),
    admin ? listScheduleTherapists() : null,
    listSymptomFollowUps(viewer, now),
  ]);
  const [layout] = layOutSchedule(schedule);
  const filter = admin ? therapist : undefined;

  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">
        {day === today ? "Today" : "Day"} · {admin && !therapist ? "Whole clinic" : "Schedule"}
      </p>
      <h1 className="text-3xl font-semibold text-teal-800">{formatClinicDate(day)}</h1>
      <p className="text-muted">All times in {formatZoneName(timeZone, now)}.</p>
      {invalidDay ? (
        <div className="mt-4">
          <Alert tone="error">That date isn&apos;t valid, so this is today&apos;s schedule.</Alert>
        </div>
      ) : null}
      <SymptomFollowUps followUps={followUps} days={FOLLOW_UP_DAYS} timeZone={timeZone} linkClients={admin} />
      <ScheduleControls
        day={day}
        therapist={filter}
        therapists={therapists}
        links={{
          previous: { href: dayHref(addDays(day, -1), filter), label: "Previous day" },
          next: { href: dayHref(addDays(day, 1), filter), label: "Next day" },
          today: day === today ? null : { href: dayHref(today, filter), label: "Today" },
        }}
      />
      <div className="mt-8 grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
        {(layout?.therapists ?? []).map((therapistDay) => (
          <DayAgenda
            key={therapistDay.therapistId}
            day={therapistDay}
            items={agendaOf(therapistDay, day === today ? now : null)}
            timeZone={timeZone}
          />
        ))}
        {layout?.therapists.length === 0 ? <p>No therapist schedule to show.</p> : null}
      </div>
    </>
  );
}
