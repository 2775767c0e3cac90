import Link from "next/link";
import type { StrandedBookingLine } from "@/lib/booking/upcoming-bookings";

// The booked visits a refused change would have stranded, each linked to its appointment page
// where staff can move or cancel it.
export function StrandedVisits({ visits }: { visits: StrandedBookingLine[] }) {
  return (
    <ul className="mt-2 flex flex-col gap-1" aria-label="Visits in the way">
      {visits.map((visit) => (
        <li key={visit.id}>
          <Link
            href={visit.href}
            className="inline-flex min-h-11 items-center font-semibold text-alert-700 underline underline-offset-2"
          >
            {visit.when}: {visit.clientName}, {visit.serviceName}
          </Link>
        </li>
      ))}
    </ul>
  );
}
