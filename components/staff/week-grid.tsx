import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import type { ScheduleDay } from "@/lib/schedule/schedule-layout";
import { formatClinicTime } from "@/lib/time/clinic-time";

const weekdayLabel = (date: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" }).format(
    new Date(`${date}T00:00:00Z`),
  );

// The week as a table: a row per therapist, a column per day, each cell the day's bookings (by
// status, live holds marked), breaks and time off. Every time carries its zone.
export function WeekGrid({ days, timeZone, today }: { days: ScheduleDay[]; timeZone: string; today: string }) {
  const therapists = days[0]?.therapists ?? [];
  const time = (at: Date) => formatClinicTime(at, timeZone);
  return (
    <div className="mt-8 overflow-x-auto rounded-2xl bg-white ring-1 ring-teal-600/15">
      <table className="w-full min-w-[60rem] table-fixed text-left align-top text-sm">
        <caption className="sr-only">Week schedule, one row per therapist</caption>
        <thead className="bg-teal-50">
          <tr>
            <th scope="col" className="w-36 p-3">
              Therapist
            </th>
            {days.map((day) => (
              <th key={day.date} scope="col" className="p-3" aria-current={day.date === today ? "date" : undefined}>
                <Link href={`/staff?day=${day.date}`} className="underline">
                  {weekdayLabel(day.date)}
                </Link>
                {day.date === today ? <span className="ml-1 font-normal text-coral-700">(today)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-teal-600/10">
          {therapists.map((therapist, row) => (
            <tr key={therapist.therapistId}>
              <th scope="row" className="p-3 align-top">
                {therapist.displayName}
              </th>
              {days.map((day) => {
                const cell = day.therapists[row];
                if (!cell) return <td key={day.date} />;
                return (
                  <td key={day.date} className={`p-2 align-top ${day.date === today ? "bg-teal-50/60" : ""}`}>
                    {cell.working.length === 0 ? <p className="text-muted">Off</p> : null}
                    <ul className="flex flex-col gap-1">
                      {[
                        ...cell.timeOff.map((t) => ({
                          at: t.start.getTime(),
                          item: (
                            <li
                              key={`off-${t.start.getTime()}`}
                              className="rounded border border-dashed border-muted p-1"
                            >
                              Time off {time(t.start)} – {time(t.end)}
                            </li>
                          ),
                        })),
                        ...cell.breaks.map((b) => ({
                          at: b.start.getTime(),
                          item: (
                            <li key={`break-${b.start.getTime()}`} className="rounded bg-sand-deep p-1">
                              {b.label} {time(b.start)}
                            </li>
                          ),
                        })),
                        ...cell.bookings.map((b) => ({
                          at: b.startsAt.getTime(),
                          item: (
                            <li key={b.id}>
                              <Link
                                href={`/staff/appointments/${b.id}`}
                                className={`block rounded p-1 ring-1 hover:bg-teal-50 ${
                                  b.liveHold ? "bg-amber-50 ring-amber-600/40" : "ring-teal-600/20"
                                }`}
                              >
                                <span className="block font-semibold">{time(b.startsAt)}</span>
                                <span className="block underline">{b.clientName}</span>
                                <StatusBadge status={b.status} />
                              </Link>
                            </li>
                          ),
                        })),
                      ]
                        // In time order, so a lunch break sits between the morning and afternoon visits.
                        .sort((a, b) => a.at - b.at)
                        .map((entry) => entry.item)}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
