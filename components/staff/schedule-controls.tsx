import Link from "next/link";
import { SCHEDULE_DATE_RANGE } from "@/lib/time/clinic-time";

const LINK =
  "inline-flex min-h-11 items-center rounded-full px-4 font-semibold text-teal-800 ring-1 ring-teal-600/40 hover:bg-teal-50";

export interface ScheduleLinks {
  previous: { href: string; label: string };
  next: { href: string; label: string };
  today: { href: string; label: string } | null;
}

// Moving through days or weeks, and (for admins) choosing whose schedule to show. Plain links and a
// GET form: they work without JavaScript and keep the choice in the address.
export function ScheduleControls({
  links,
  day,
  therapists,
  therapist,
}: {
  links: ScheduleLinks;
  day: string;
  therapists: { id: string; displayName: string }[] | null;
  therapist: string | undefined;
}) {
  return (
    <div className="mt-6 flex flex-wrap items-end gap-3">
      <nav aria-label="Choose dates" className="flex flex-wrap gap-2">
        <Link href={links.previous.href} className={LINK}>
          <span aria-hidden="true">←&nbsp;</span>
          {links.previous.label}
        </Link>
        {links.today ? (
          <Link href={links.today.href} className={LINK}>
            {links.today.label}
          </Link>
        ) : null}
        <Link href={links.next.href} className={LINK}>
          {links.next.label}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold">
          Date
          <input
            type="date"
            name="day"
            defaultValue={day}
            min={SCHEDULE_DATE_RANGE.min}
            max={SCHEDULE_DATE_RANGE.max}
            className="min-h-11 rounded-lg border border-control bg-white px-3"
          />
        </label>
        {therapists ? (
          <label className="flex flex-col gap-1 font-semibold">
            Therapist
            <select
              name="therapist"
              defaultValue={therapist ?? ""}
              className="min-h-11 rounded-lg border border-control bg-white px-3"
            >
              <option value="">Whole clinic</option>
              {therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="submit"
          className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
        >
          Show
        </button>
      </form>
    </div>
  );
}
