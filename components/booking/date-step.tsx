"use client";

// Choosing a day: react-day-picker's accessible calendar (arrow keys, Page Up/Down for months),
// with the month's free times fetched so that only days with room can be chosen.
import { useState } from "react";
import { DayPicker } from "react-day-picker";
import "react-day-picker/style.css";
import "./booking-calendar.css";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StepHeading } from "./step-heading";
import { addMonths, isoDateOf, localDateOf, monthBounds, slotsByDay } from "./slot-times";
import { availabilityUrl, useAvailability } from "./use-availability";

const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" });
const longDate = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });

interface LoadedDays {
  scope: string; // the service and therapist the days are for
  mergedKey?: string; // the last availability answer merged in
  months: string[]; // YYYY-MM, every month whose free days are known
  days: Record<string, number>; // YYYY-MM-DD → free times that day (days without any are absent)
}

const emptyLoaded = (scope: string): LoadedDays => ({ scope, months: [], days: {} });

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function DateStep({
  service,
  therapistId,
  therapistLabel,
  selected,
  today,
  lastDay,
  timeZoneName,
  onSelect,
}: {
  service: string;
  therapistId?: string;
  therapistLabel: string;
  selected?: string;
  today: string; // the clinic's today, YYYY-MM-DD
  lastDay: string; // the last bookable day (the horizon)
  timeZoneName: string;
  onSelect: (date: string) => void;
}) {
  const [month, setMonth] = useState(() => localDateOf(selected && selected >= today ? selected : today));
  const bounds = monthBounds(month);
  const nextMonth = addMonths(month, 1);
  const previousMonth = addMonths(month, -1);

  // Every month already loaded keeps its free days, so arrow keys and Page Up/Down can move back and
  // forth between them (the calendar only moves onto enabled days). The shown month and the next are
  // fetched together (at most 62 days, the API's limit), then the month before the shown one.
  const scope = `${service}|${therapistId ?? ""}`;
  const [loaded, setLoaded] = useState<LoadedDays>(() => emptyLoaded(scope));
  if (loaded.scope !== scope) setLoaded(emptyLoaded(scope));
  const inRange = (first: string, last: string) => last >= today && first <= lastDay;
  const needs = (local: Date) => {
    const { first, last } = monthBounds(local);
    return inRange(first, last) && !loaded.months.includes(first.slice(0, 7));
  };
  const fetchMonths =
    needs(month) || needs(nextMonth) ? [month, nextMonth] : needs(previousMonth) ? [previousMonth] : [];
  const windowFirst = fetchMonths[0] ? monthBounds(fetchMonths[0]).first : undefined;
  const windowLast = fetchMonths.length > 0 ? monthBounds(fetchMonths[fetchMonths.length - 1] as Date).last : undefined;
  const from = windowFirst && windowFirst < today ? today : windowFirst;
  const to = windowLast && windowLast > lastDay ? lastDay : windowLast;
  const query = from && to && from <= to ? { service, therapistId, from, to } : null;
  const { state, retry } = useAvailability(query);
  const queryKey = query ? availabilityUrl(query) : null;
  if (state.status === "ready" && queryKey && loaded.mergedKey !== queryKey && loaded.scope === scope) {
    const days = { ...loaded.days };
    for (const [date, slots] of slotsByDay(state.slots, state.timeZone)) days[date] = slots.length;
    const months = fetchMonths.map((local) => monthBounds(local).first.slice(0, 7));
    setLoaded({ scope, mergedKey: queryKey, months: [...loaded.months, ...months], days });
  }
  const monthLoaded = (isoDate: string) => loaded.months.includes(isoDate.slice(0, 7));
  const freeTimes = (date: Date) => loaded.days[isoDateOf(date)] ?? 0;
  const shownLoaded = monthLoaded(bounds.first);
  const daysThisMonth = Object.keys(loaded.days).filter((date) => date >= bounds.first && date <= bounds.last).length;
  const canGoNext = isoDateOf(nextMonth) <= lastDay;
  const name = monthName.format(month);

  const footer = !shownLoaded
    ? state.status === "error"
      ? undefined
      : `Checking which days in ${name} have free times…`
    : daysThisMonth > 0
      ? `${plural(daysThisMonth, "day", "days")} in ${name} ${daysThisMonth === 1 ? "has" : "have"} free times. Days without free times can't be chosen.`
      : undefined;

  return (
    <div>
      <StepHeading description={`Days with free times for ${therapistLabel} are shaded. Times are in ${timeZoneName}.`}>
        Choose a day
      </StepHeading>

      {state.status === "error" ? (
        <div className="mb-4">
          <Alert tone="error" title="Free days didn't load">
            <p>{state.message}</p>
            <Button variant="secondary" className="mt-3" onClick={retry}>
              Try again
            </Button>
          </Alert>
        </div>
      ) : null}

      {shownLoaded && daysThisMonth === 0 ? (
        <div className="mb-4">
          <Alert tone="info" title={`No free times in ${name}`}>
            {canGoNext ? (
              <>
                <p>Try the next month.</p>
                <Button variant="secondary" className="mt-3" onClick={() => setMonth(nextMonth)}>
                  Show {monthName.format(nextMonth)}
                </Button>
              </>
            ) : (
              <p>We can only book up to {longDate.format(localDateOf(lastDay))} online. Please call the clinic.</p>
            )}
          </Alert>
        </div>
      ) : null}

      <div className="booking-calendar w-fit max-w-full rounded-2xl bg-white p-2 ring-1 ring-teal-600/15 sm:p-5">
        <DayPicker
          mode="single"
          required
          selected={selected ? localDateOf(selected) : undefined}
          onSelect={(date) => onSelect(isoDateOf(date))}
          month={month}
          onMonthChange={setMonth}
          startMonth={localDateOf(today)}
          endMonth={localDateOf(lastDay)}
          today={localDateOf(today)}
          disabled={(date) => freeTimes(date) === 0}
          modifiers={{ available: (date) => freeTimes(date) > 0 }}
          modifiersClassNames={{ available: "booking-day-available" }}
          labels={{
            labelDayButton: (date, modifiers) => {
              const count = freeTimes(date);
              const room = !monthLoaded(isoDateOf(date))
                ? ""
                : count > 0
                  ? `, ${plural(count, "free time", "free times")}`
                  : ", no free times";
              return `${modifiers.today ? "Today, " : ""}${longDate.format(date)}${room}${modifiers.selected ? ", selected" : ""}`;
            },
          }}
          footer={footer}
          aria-label={`Calendar: ${name}`}
        />
      </div>
    </div>
  );
}
