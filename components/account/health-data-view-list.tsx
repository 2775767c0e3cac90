// The client's "who viewed my health data" list: staff member, what, which appointment, when (with
// the clinic's zone). A table on wide screens, stacked rows on a phone.
import Link from "next/link";
import type { HealthDataView } from "@/lib/account/list-health-data-views";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

export function HealthDataViewList({ views, timeZone }: { views: HealthDataView[]; timeZone: string }) {
  if (views.length === 0) {
    return <p>No one at the clinic has opened your health information yet.</p>;
  }
  return (
    <table className="w-full text-left">
      <caption className="sr-only">Staff views of your health information, newest first</caption>
      <thead className="hidden sm:table-header-group">
        <tr className="border-b border-teal-600/20">
          <th scope="col" className="py-2 pr-3">
            When
          </th>
          <th scope="col" className="py-2 pr-3">
            Who
          </th>
          <th scope="col" className="py-2 pr-3">
            What
          </th>
          <th scope="col" className="py-2">
            Appointment
          </th>
        </tr>
      </thead>
      <tbody>
        {views.map((view) => (
          <tr key={view.id} className="flex flex-col border-b border-teal-600/10 py-2 sm:table-row sm:py-0">
            <td className="sm:py-2 sm:pr-3">{formatClinicDateTime(view.viewedAt, timeZone)}</td>
            <td className="font-semibold sm:py-2 sm:pr-3 sm:font-normal">
              {view.staffName ?? "A former staff member"}
            </td>
            <td className="sm:py-2 sm:pr-3">Viewed your {view.what}</td>
            <td className="sm:py-2">
              {view.booking ? (
                <Link
                  href={`/account/bookings/${encodeURIComponent(view.booking.id)}`}
                  className="text-teal-800 underline"
                >
                  {view.booking.serviceName}, {formatClinicDateTime(view.booking.startsAt, timeZone)}
                </Link>
              ) : (
                "All your records"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
