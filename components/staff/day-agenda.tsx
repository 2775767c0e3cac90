import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import type { AgendaItem, TherapistDay } from "@/lib/schedule/schedule-layout";
import { formatClinicTime } from "@/lib/time/clinic-time";

function Hours({ day, timeZone }: { day: TherapistDay; timeZone: string }) {
  if (day.working.length === 0) return <p className="text-muted">Not working this day</p>;
  return (
    <p className="text-muted">
      Hours:{" "}
      {day.working
        .map((w) => `${formatClinicTime(w.start, timeZone)} – ${formatClinicTime(w.end, timeZone)}`)
        .join(", ")}
    </p>
  );
}

function Item({ item, timeZone }: { item: AgendaItem; timeZone: string }) {
  const time = (at: Date) => formatClinicTime(at, timeZone);
  switch (item.kind) {
    case "now":
      return (
        <li className="flex items-center gap-3 py-1 font-semibold text-coral-700" aria-label={`Now, ${time(item.at)}`}>
          <span aria-hidden="true" className="h-0.5 flex-1 bg-coral-600" />
          <span aria-hidden="true">Now · {time(item.at)}</span>
          <span aria-hidden="true" className="h-0.5 flex-1 bg-coral-600" />
        </li>
      );
    case "break":
      return (
        <li className="rounded-xl bg-sand-deep px-4 py-3">
          <span className="font-semibold">{item.label}</span> · {time(item.at)} – {time(item.end)}
        </li>
      );
    case "time-off":
      return (
        <li className="rounded-xl border border-dashed border-muted px-4 py-3">
          <span className="font-semibold">Time off</span>
          {item.reason ? ` (${item.reason})` : ""} · {time(item.at)} – {time(item.end)}
        </li>
      );
    case "booking": {
      const b = item.booking;
      return (
        <li>
          <Link
            href={`/staff/appointments/${b.id}`}
            className={`flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-xl px-4 py-3 ring-1 hover:bg-teal-50 ${
              b.liveHold ? "bg-amber-50 ring-amber-600/40" : "bg-white ring-teal-600/20"
            }`}
          >
            <span className="font-semibold whitespace-nowrap">
              {time(b.startsAt)} – {time(b.endsAt)}
            </span>
            <span className="underline">{b.clientName}</span>
            <span className="text-muted">{b.serviceName}</span>
            <StatusBadge status={b.status} />
            {b.liveHold ? <span className="text-sm text-amber-900">Held while the client pays</span> : null}
          </Link>
        </li>
      );
    }
  }
}

/** One therapist's day in time order: bookings by status, live holds, breaks, time off and "now". */
export function DayAgenda({ day, items, timeZone }: { day: TherapistDay; items: AgendaItem[]; timeZone: string }) {
  const headingId = `therapist-${day.therapistId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-2xl bg-white/60 p-4 ring-1 ring-teal-600/15">
      <h2 id={headingId} className="text-xl font-semibold text-teal-800">
        {day.displayName}
      </h2>
      <Hours day={day} timeZone={timeZone} />
      {items.length === 0 ? (
        <p className="mt-3">No appointments.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-2">
          {items.map((item) => (
            <Item
              key={`${item.kind}-${item.at.getTime()}-${item.kind === "booking" ? item.booking.id : ""}`}
              item={item}
              timeZone={timeZone}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
