// A therapist's week in words, day by day: working hours and breaks, in the clinic's zone.
import { formatRange, WEEKDAYS } from "@/lib/hours/hours-ranges";

interface Range {
  weekday: number;
  startMinute: number;
  endMinute: number;
  label?: string | null;
}

export function WeekSummary({ workingHours, breaks }: { workingHours: Range[]; breaks: Range[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {WEEKDAYS.map((dayName, weekday) => {
        const hours = workingHours.filter((range) => range.weekday === weekday);
        const pauses = breaks.filter((range) => range.weekday === weekday);
        return (
          <div key={dayName} className="contents">
            <dt className="font-semibold">{dayName}</dt>
            <dd>
              {hours.length === 0 ? "Day off" : hours.map(formatRange).join(", ")}
              {pauses.length > 0 ? (
                <span className="block text-sm text-muted">
                  Breaks:{" "}
                  {pauses.map((pause) => `${formatRange(pause)}${pause.label ? ` (${pause.label})` : ""}`).join(", ")}
                </span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
