"use client";

// The /book flow: service → therapist → day → time → health questions → sign in → review and pay.
// The choice is the URL (booking-url.ts), so this component only renders the step the page worked
// out and turns each pick into the next URL; the server page does every lookup and check.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { CancellationTerms } from "@/lib/booking/cancellation-policy";
import {
  ANY_THERAPIST,
  bookingHref,
  changeHref,
  type BookingChoice,
  type BookingNotices,
  type BookingStep,
} from "./booking-url";
import { ServiceStep, TherapistStep, type ServiceOption, type TherapistOption } from "./choice-steps";
import type { ReviewConsent } from "./consent-panel";
import type { PreviousAnswers } from "./health-step";
import { loadHealthStep } from "./health-step-loader";
import { useIntakeDraft, type IntakeDraft } from "./intake-storage";
import type { CheckoutReturn, ReviewDetails } from "./review-step";
import { StepIndicator } from "./step-indicator";
import { STEP_HEADING_ID } from "./step-heading";
import type { Slot } from "./slot-times";
import type { FormAction, PayBookingState } from "@/lib/forms/action-state";

// Issue #21: each later step's code (the calendar, the health questions and their checks, the
// review) loads when the step is reached, not with /book itself. A step the server renders (a
// reload, a shared link) still arrives in the HTML, its code with it.
const DateStep = dynamic(() => import("./date-step").then((module) => module.DateStep));
const TimeStep = dynamic(() => import("./time-step").then((module) => module.TimeStep));
const HealthStep = dynamic(() => loadHealthStep().then((module) => module.HealthStep));
const AccountStep = dynamic(() => import("./account-step").then((module) => module.AccountStep));
const ReviewStep = dynamic(() =>
  loadHealthStep().then(() => import("./review-step").then((module) => module.ReviewStep)),
);

/** Whether this tab's health answers are complete; the checks' code loads only once there are answers. */
function useHealthAnswered(
  draft: IntakeDraft,
  ready: boolean,
  serviceSlug: string | undefined,
  clearedQuestionIds: readonly string[] = [],
): boolean {
  const [completeIntake, setCompleteIntake] = useState<
    ((draft: IntakeDraft, serviceSlug?: string, clearedQuestionIds?: readonly string[]) => unknown) | null
  >(null);
  const hasAnswers = ready && Object.keys(draft).length > 0;
  useEffect(() => {
    if (!hasAnswers || completeIntake) return;
    let live = true;
    void loadHealthStep().then((module) => {
      if (live) setCompleteIntake(() => module.completeIntake);
    });
    return () => {
      live = false;
    };
  }, [hasAnswers, completeIntake]);
  return hasAnswers && completeIntake !== null && completeIntake(draft, serviceSlug, clearedQuestionIds) !== null;
}

export interface ChoiceSummary {
  service?: string;
  therapist?: string;
  date?: string;
  time?: string;
}

export interface BookingFlowProps {
  step: BookingStep;
  choice: BookingChoice;
  notices: BookingNotices;
  signedIn: boolean;
  services: ServiceOption[];
  therapists: TherapistOption[];
  summary: ChoiceSummary;
  timeZone: string;
  timeZoneName: string;
  today: string;
  lastDay: string;
  /** The chosen service's cancellation terms, stated on the review. */
  cancellationTerms: CancellationTerms;
  holdMinutes: number;
  testMode: boolean;
  review?: {
    details: ReviewDetails;
    formFields: Record<string, string>;
    checkoutReturn?: CheckoutReturn;
    consent?: ReviewConsent;
  };
  payAction: FormAction<PayBookingState>;
  /** A signed-in returning client's last answers (under 6 months old), to re-confirm one by one. */
  previousAnswers?: PreviousAnswers | null;
  /** A signed-in client's conditions cleared by a doctor's go-ahead on file. */
  clearedQuestionIds?: readonly string[];
  /** Records (server-side, without the answers) that the screening stopped this booking. */
  onScreeningStop: () => Promise<void>;
}

export function BookingFlow(props: BookingFlowProps) {
  const { step, choice, notices, signedIn, therapists, summary, timeZone, timeZoneName } = props;
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  // The answers live in this tab only: a new tab (or a cleared one) has not done that step.
  const { draft, ready } = useIntakeDraft();
  const healthAnswered = useHealthAnswered(draft, ready, choice.service, props.clearedQuestionIds);
  const go = (href: string) => startNavigation(() => router.push(href, { scroll: false }));

  // A new step: take focus to its heading (which also scrolls it into view), not on first load.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    document.getElementById(STEP_HEADING_ID)?.focus();
  }, [step]);

  const therapistId =
    choice.therapist && choice.therapist !== ANY_THERAPIST
      ? therapists.find((therapist) => therapist.slug === choice.therapist)?.id
      : undefined;
  const anyTherapist = choice.therapist === ANY_THERAPIST;
  const therapistLabel = anyTherapist ? "any therapist" : (summary.therapist ?? "your therapist");
  const hrefFor = (target: BookingStep) => (target === "account" ? null : changeHref(choice, target));

  const chooseSlot = (slot: Slot) => {
    const assigned = anyTherapist ? therapists.find((therapist) => therapist.id === slot.therapistId)?.slug : undefined;
    go(
      bookingHref({
        service: choice.service,
        therapist: choice.therapist,
        date: choice.date,
        start: slot.start,
        with: assigned,
      }),
    );
  };

  const stepContent = () => {
    switch (step) {
      case "service":
        return <ServiceStep services={props.services} choice={choice} />;
      case "therapist":
        return <TherapistStep therapists={therapists} choice={{ ...choice, service: choice.service ?? "" }} />;
      case "date":
        return (
          <DateStep
            service={choice.service ?? ""}
            therapistId={therapistId}
            therapistLabel={therapistLabel}
            selected={choice.date}
            today={props.today}
            lastDay={props.lastDay}
            timeZoneName={timeZoneName}
            onSelect={(date) =>
              go(
                date === choice.date && choice.start
                  ? bookingHref({ ...choice, step: undefined })
                  : bookingHref({ service: choice.service, therapist: choice.therapist, date }),
              )
            }
          />
        );
      case "time":
        return (
          <TimeStep
            key={`${choice.date}-${notices.taken ?? ""}`}
            service={choice.service ?? ""}
            therapistId={therapistId}
            anyTherapist={anyTherapist}
            date={choice.date ?? ""}
            selected={choice.start}
            taken={notices.taken}
            timeZone={timeZone}
            timeZoneName={timeZoneName}
            changeDateHref={changeHref(choice, "date")}
            onSelect={chooseSlot}
          />
        );
      case "health":
        return (
          <HealthStep
            onStop={props.onScreeningStop}
            serviceSlug={choice.service}
            previous={props.previousAnswers}
            clearedQuestionIds={props.clearedQuestionIds}
            continueLabel={signedIn ? "Continue to review" : "Continue"}
            onContinue={() => go(bookingHref({ ...choice, step: signedIn ? "review" : "account" }))}
          />
        );
      case "account":
        return (
          <AccountStep
            returnTo={bookingHref({ ...choice, step: "review" })}
            healthHref={changeHref(choice, "health")}
            serviceSlug={choice.service}
          />
        );
      case "review":
        return props.review ? (
          <ReviewStep
            details={props.review.details}
            formFields={props.review.formFields}
            terms={props.cancellationTerms}
            holdMinutes={props.holdMinutes}
            testMode={props.testMode}
            checkoutReturn={props.review.checkoutReturn}
            changeHref={{ health: changeHref(choice, "health"), time: changeHref(choice, "time") }}
            payAction={props.payAction}
            consent={props.review.consent}
            clearedQuestionIds={props.clearedQuestionIds}
          />
        ) : null;
    }
  };

  const rows: { step: BookingStep; term: string; value?: string }[] = [
    { step: "service", term: "Treatment", value: summary.service },
    { step: "therapist", term: "Therapist", value: summary.therapist },
    { step: "date", term: "Day", value: summary.date },
    { step: "time", term: "Time", value: summary.time },
  ];
  // The review lists the whole appointment itself: a second summary beside it only repeats it.
  const chosen = step === "review" ? [] : rows.filter((row) => row.value);

  return (
    <div>
      <StepIndicator current={step} hrefFor={hrefFor} signedIn={signedIn} healthAnswered={healthAnswered} />
      <p role="status" aria-live="polite" className="min-h-6 text-sm text-muted">
        {navigating ? "Loading the next step…" : ""}
      </p>
      <div className="mt-2 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div aria-busy={navigating || undefined}>{stepContent()}</div>
        {chosen.length > 0 ? (
          <aside
            aria-labelledby="your-choice-heading"
            className="h-fit rounded-2xl bg-white p-5 ring-1 ring-teal-600/15 lg:sticky lg:top-6"
          >
            <h2 id="your-choice-heading" className="text-lg font-semibold text-teal-800">
              Your choice
            </h2>
            <dl className="mt-2 divide-y divide-teal-600/10">
              {chosen.map((row) => (
                <div key={row.step} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 py-2">
                  <dt className="text-sm text-muted">{row.term}</dt>
                  <dd className="col-start-1 font-semibold">{row.value}</dd>
                  {row.step !== step ? (
                    <dd className="col-start-2 row-span-2 row-start-1 self-center">
                      <Link
                        href={changeHref(choice, row.step)}
                        className="inline-flex min-h-11 items-center text-sm font-semibold text-teal-800 underline"
                      >
                        Change<span className="sr-only"> {row.term.toLowerCase()}</span>
                      </Link>
                    </dd>
                  ) : null}
                </div>
              ))}
            </dl>
          </aside>
        ) : null}
      </div>
    </div>
  );
}
