// Where the client is in the booking: every step named, the current one marked aria-current="step",
// and the steps already done as links back to change them. On a phone only the current name shows.
import Link from "next/link";
import { BOOKING_STEPS, type BookingStep } from "./booking-url";

export const STEP_LABELS: Record<BookingStep, string> = {
  service: "Treatment",
  therapist: "Therapist",
  date: "Day",
  time: "Time",
  health: "Health questions",
  account: "Sign in",
  review: "Review and pay",
};

export function StepIndicator({
  current,
  hrefFor,
  signedIn,
  healthAnswered,
}: {
  current: BookingStep;
  /** Where a finished step's link goes; null when the step can't be revisited. */
  hrefFor: (step: BookingStep) => string | null;
  signedIn: boolean;
  /** This tab holds complete health answers that allow booking; until then that step is not done. */
  healthAnswered: boolean;
}) {
  const currentIndex = BOOKING_STEPS.indexOf(current);
  return (
    <nav aria-label="Booking steps">
      {/* Phones show the markers only; this line names the current step instead. */}
      <p aria-hidden="true" className="text-sm font-semibold text-muted sm:hidden">
        Step {currentIndex + 1} of {BOOKING_STEPS.length}: <span className="text-teal-800">{STEP_LABELS[current]}</span>
      </p>
      <ol className="mt-1 flex flex-wrap items-center gap-y-2 sm:gap-x-1">
        {BOOKING_STEPS.map((step, index) => {
          const done =
            (index < currentIndex && (step !== "health" || healthAnswered)) || (step === "account" && signedIn);
          const isCurrent = step === current;
          const href = done && !isCurrent ? hrefFor(step) : null;
          const label = step === "account" && signedIn ? "Signed in" : STEP_LABELS[step];
          const marker = (
            <span
              aria-hidden="true"
              className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                isCurrent
                  ? "bg-teal-600 text-white"
                  : done
                    ? "bg-teal-100 text-teal-800"
                    : "bg-white text-muted ring-1 ring-control"
              }`}
            >
              {done && !isCurrent ? "✓" : index + 1}
            </span>
          );
          const text = (
            <span className={`sr-only sm:not-sr-only ${isCurrent ? "font-semibold text-teal-800" : ""}`}>
              {label}
              {done && !isCurrent ? <span className="sr-only"> (done)</span> : null}
            </span>
          );
          return (
            <li key={step} aria-current={isCurrent ? "step" : undefined} className="flex items-center">
              {href ? (
                <Link
                  href={href}
                  className="flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-full px-1.5 text-sm text-teal-800 hover:bg-teal-50 sm:pr-3"
                >
                  {marker}
                  {text}
                </Link>
              ) : (
                <span className="flex min-h-11 min-w-11 items-center justify-center gap-2 px-1.5 text-sm sm:pr-3">
                  {marker}
                  {text}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
