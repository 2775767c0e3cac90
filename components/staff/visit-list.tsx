import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import type { BookingStatus } from "@/lib/booking/status";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

export interface VisitRow {
  id: string;
  startsAt: Date;
  serviceName: string;
  therapistName: string;
  status: BookingStatus;
  /** Whether the viewer may open it (a therapist opens only their own appointments). */
  openable: boolean;
}

export function VisitList({ visits, timeZone, empty }: { visits: VisitRow[]; timeZone: string; empty: string }) {
  if (visits.length === 0) return <p>{empty}</p>;
  return (
    <ul className="divide-y divide-teal-600/10 rounded-2xl bg-white ring-1 ring-teal-600/15">
      {visits.map((visit) => {
        const when = formatClinicDateTime(visit.startsAt, timeZone);
        return (
          <li key={visit.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
            {visit.openable ? (
              <Link
                href={`/staff/appointments/${visit.id}`}
                className="inline-flex min-h-11 items-center font-semibold underline"
              >
                {when}
              </Link>
            ) : (
              <span className="font-semibold">{when}</span>
            )}
            <span>{visit.serviceName}</span>
            <span className="text-muted">with {visit.therapistName}</span>
            <StatusBadge status={visit.status} />
          </li>
        );
      })}
    </ul>
  );
}
