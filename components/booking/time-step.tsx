"use client";

// Choosing a time on the chosen day: fresh free times grouped into morning, afternoon and evening,
// each named with the clinic's zone. After "that time was just taken" this is where the client lands.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { formatClinicDate } from "@/lib/time/clinic-time";
import { StepHeading } from "./step-heading";
import { DAY_PARTS, dayPartOf, sameInstant, type Slot } from "./slot-times";
import { useAvailability } from "./use-availability";

const timeFormatters = new Map<string, Intl.DateTimeFormat>();
function formatTime(instant: string, timeZone: string): string {
  let formatter = timeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    timeFormatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(instant));
}

export function TimeStep({
  service,
  therapistId,
  anyTherapist,
  date,
  selected,
  taken,
  timeZone,
  timeZoneName,
  changeDateHref,
  onSelect,
}: {
  service: string;
  therapistId?: string;
  anyTherapist: boolean;
  date: string;
  selected?: string;
  taken?: string;
  timeZone: string;
  timeZoneName: string;
  changeDateHref: string;
  onSelect: (slot: Slot) => void;
}) {
  const { state, retry } = useAvailability({ service, therapistId, from: date, to: date });
  const slots = state.status === "ready" ? state.slots : [];
  const zone = state.status === "ready" ? state.timeZone : timeZone;

  return (
    <div>
      <StepHeading description={`${formatClinicDate(date)}. Times are in ${timeZoneName}.`}>Choose a time</StepHeading>

      {taken ? (
        <div className="mb-4">
          <Alert tone="error" title="That time was just taken">
            Someone booked {formatTime(taken, zone)} moments before you. Nothing was charged. Here are the times still
            free on this day; the rest of your choice is kept.
          </Alert>
        </div>
      ) : null}

      {state.status === "loading" ? (
        <p role="status" className="rounded-2xl bg-white p-5 text-muted ring-1 ring-teal-600/15">
          Loading free times…
        </p>
      ) : null}

      {state.status === "error" ? (
        <Alert tone="error" title="Free times didn't load">
          <p>{state.message}</p>
          <Button variant="secondary" className="mt-3" onClick={retry}>
            Try again
          </Button>
        </Alert>
      ) : null}

      {state.status === "ready" && slots.length === 0 ? (
        <div className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <p role="status">No free times are left on this day.</p>
          <ButtonLink href={changeDateHref} variant="secondary" className="mt-3">
            Choose another day
          </ButtonLink>
        </div>
      ) : null}

      {state.status === "ready" && slots.length > 0 ? (
        <div className="flex flex-col gap-6">
          <p role="status" className="sr-only">
            {slots.length === 1 ? "1 free time" : `${slots.length} free times`} on this day.
          </p>
          {DAY_PARTS.map(({ part, label }) => {
            const inPart = slots.filter((slot) => dayPartOf(new Date(slot.start), zone) === part);
            if (inPart.length === 0) return null;
            return (
              <section key={part} aria-labelledby={`times-${part}`}>
                <h3 id={`times-${part}`} className="text-lg font-semibold">
                  {label}
                </h3>
                <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
                  {inPart.map((slot) => {
                    const time = formatTime(slot.start, zone);
                    const isSelected = selected !== undefined && sameInstant(selected, slot.start);
                    return (
                      <li key={`${slot.start}-${slot.therapistId}`}>
                        <button
                          type="button"
                          onClick={() => onSelect(slot)}
                          aria-pressed={isSelected}
                          aria-label={anyTherapist ? `${time} with ${slot.therapistName}` : time}
                          className={`flex min-h-11 w-full flex-col items-center justify-center rounded-xl px-2 py-2 text-center ring-1 transition-colors ${
                            isSelected
                              ? "bg-teal-600 text-white ring-teal-800"
                              : "bg-white text-teal-800 ring-teal-600/40 hover:bg-teal-50"
                          }`}
                        >
                          <span className="font-semibold">{time}</span>
                          {anyTherapist ? (
                            <span className={`text-sm ${isSelected ? "text-white" : "text-muted"}`}>
                              with {slot.therapistName}
                            </span>
                          ) : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
          <p>
            <Link
              href={changeDateHref}
              className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
            >
              Choose another day
            </Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
