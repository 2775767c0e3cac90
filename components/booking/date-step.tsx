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
import { useAvailability } from "./use-availability";

const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" });
const longDate = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });

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
  // The shown month and the next (at most 62 days, the API's limit): arrow keys and Page Down can
  // then move into next month's free days, which the calendar only allows onto enabled days.
  const from = bounds.first < today ? today : bounds.first;
  const windowEnd = monthBounds(nextMonth).last;
  const to = windowEnd > lastDay ? lastDay : windowEnd;
  const { state, previous, retry } = useAvailability(from <= to ? { service, therapistId, from, to } : null);
  // While another window loads, the last one still answers for the days it covered.
  const shown = state.status === "ready" ? state : previous;
  const days = shown ? slotsByDay(shown.slots, shown.timeZone) : new Map<string, unknown[]>();
  const daysThisMonth = [...days.keys()].filter((date) => date >= bounds.first && date <= bounds.last).length;
  const canGoNext = isoDateOf(nextMonth) <= lastDay;
  const name = monthName.format(month);

  const footer =
    state.status === "loading"
      ? `Checking which days in ${name} have free times…`
      : state.status === "ready" && daysThisMonth > 0
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

      {state.status === "ready" && daysThisMonth === 0 ? (
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
          disabled={(date) => !days.has(isoDateOf(date))}
          modifiers={{ available: (date) => days.has(isoDateOf(date)) }}
          modifiersClassNames={{ available: "booking-day-available" }}
          labels={{
            labelDayButton: (date, modifiers) => {
              const count = (days.get(isoDateOf(date)) ?? []).length;
              const room = !shown
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
