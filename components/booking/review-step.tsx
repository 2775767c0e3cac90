"use client";

// The last step: everything the client is about to pay for, the policy, the hold, and one Pay
// button. The button is disabled while the request runs, and the server hands back the same booking
// for a repeated request anyway, so two clicks never make two bookings.
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CancellationTerms } from "@/lib/booking/cancellation-policy";
import type { FormAction, PayBookingState } from "@/lib/forms/action-state";
import { CancellationPolicy } from "./cancellation-policy";
import { ConsentPanel, type ReviewConsent } from "./consent-panel";
import { completeIntake, screenDraft } from "./health-step";
import { IntakeGate } from "./intake-gate";
import { useIntakeDraft } from "./intake-storage";
import { StepHeading } from "./step-heading";

export interface ReviewDetails {
  serviceName: string;
  durationMinutes: number;
  therapist: string; // who the client will see, as the review should say it
  when: string; // "Tue, Dec 1, 2026, 9:00 AM EST"
  endsAt: string; // "10:00 AM EST"
  price: string;
  freeUntil?: string; // the end of free cancellation, when it is still ahead
}

export interface CheckoutReturn {
  status: "held" | "expired" | "paid";
  heldUntil?: string; // formatted with its zone
}

export function ReviewStep({
  details,
  formFields,
  terms,
  holdMinutes,
  testMode,
  checkoutReturn,
  changeHref,
  payAction,
  consent,
  clearedQuestionIds = [],
}: {
  details: ReviewDetails;
  formFields: Record<string, string>;
  terms: CancellationTerms;
  holdMinutes: number;
  testMode: boolean;
  checkoutReturn?: CheckoutReturn;
  changeHref: { health: string; time: string };
  payAction: FormAction<PayBookingState>;
  /** The treatment consent: signed already, or to sign with this payment. */
  consent?: ReviewConsent;
  /** Conditions a doctor's go-ahead on file clears for this client. */
  clearedQuestionIds?: readonly string[];
}) {
  const { draft } = useIntakeDraft();
  const intake = completeIntake(draft, formFields.service, clearedQuestionIds);
  const screening = screenDraft(draft, formFields.service, clearedQuestionIds);
  const cautions = screening.stops ? [] : screening.cautions;
  const [state, action, pending] = useActionState<PayBookingState, FormData>(payAction, { ok: false });
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);

  const rows: [string, string][] = [
    ["Treatment", `${details.serviceName} (${details.durationMinutes} min)`],
    ["Therapist", details.therapist],
    ["When", `${details.when}, until ${details.endsAt}`],
    ["Price", details.price],
  ];

  return (
    <div>
      <StepHeading description="Check the details, then pay to confirm your appointment.">Review and pay</StepHeading>

      {checkoutReturn?.status === "held" ? (
        <div className="mb-4">
          <Alert tone="info" title="Payment not finished">
            <p>
              {checkoutReturn.heldUntil
                ? `We're holding this time for you until ${checkoutReturn.heldUntil}. Pay before then to keep it, or choose another time.`
                : `We're holding this time for you for ${holdMinutes} minutes from when you went to payment. Pay to keep it, or choose another time.`}
            </p>
            <Link href={changeHref.time} className="mt-1 inline-flex min-h-11 items-center font-semibold underline">
              Choose another time
            </Link>
          </Alert>
        </div>
      ) : null}
      {checkoutReturn?.status === "expired" ? (
        <div className="mb-4">
          <Alert tone="error" title="Your hold on this time has ended">
            <p>Nothing was charged. The time may still be free: pay to try again, or choose another time.</p>
            <Link href={changeHref.time} className="mt-1 inline-flex min-h-11 items-center font-semibold underline">
              Choose another time
            </Link>
          </Alert>
        </div>
      ) : null}

      {state.formError ? (
        <div className="mb-4">
          <Alert ref={errorRef} tabIndex={-1} tone="error" title="We couldn't book this time">
            <p>{state.formError}</p>
            {state.code === "consent" ? null : state.code === "intake_blocked" ? (
              <Link href={changeHref.health} className="font-semibold underline">
                Review your health answers
              </Link>
            ) : (
              <Link href={changeHref.time} className="font-semibold underline">
                Choose another time
              </Link>
            )}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="review-summary" className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <h3 id="review-summary" className="text-xl font-semibold">
          Your appointment
        </h3>
        <dl className="mt-3 divide-y divide-teal-600/10">
          {rows.map(([term, value]) => (
            <div key={term} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
              <dt className="font-semibold sm:w-32 sm:shrink-0">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {cautions.length > 0 ? (
          <div className="mt-3 rounded-lg bg-teal-50 p-3 text-sm text-teal-800">
            <p className="font-semibold">From your health answers:</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {cautions.map((caution) => (
                <li key={caution.questionId}>{caution.note}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="review-policy" className="mt-4 rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <h3 id="review-policy" className="text-xl font-semibold">
          Cancellation and payment
        </h3>
        <CancellationPolicy
          terms={terms}
          freeUntil={details.freeUntil}
          insideCutoff={terms.freeCancellationHours > 0 && !details.freeUntil}
          className="mt-2"
        />
        <p className="mt-3">
          When you press Pay, we hold this time for you for {holdMinutes} minutes while you pay. If payment isn&apos;t
          finished by then, the time is released and nothing is charged.
        </p>
      </section>

      {testMode ? (
        <p className="mt-4 rounded-xl border-2 border-dashed border-teal-600 bg-teal-50 px-4 py-3 font-semibold text-teal-800">
          Test mode: no real card is charged.
        </p>
      ) : null}

      <div className="mt-6">
        <IntakeGate
          healthHref={changeHref.health}
          serviceSlug={formFields.service}
          clearedQuestionIds={clearedQuestionIds}
        >
          <form action={action}>
            {Object.entries(formFields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="intake" value={JSON.stringify(intake)} />
            {consent ? <ConsentPanel consent={consent} errors={state.fieldErrors?.signedName} /> : null}
            <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-auto">
              {pending ? "Taking you to payment…" : `Pay ${details.price}`}
            </Button>
            <p className="mt-2 text-sm text-muted">
              {testMode
                ? "You'll go to a test checkout page, then come back here."
                : "You'll pay on Stripe's secure page, then come back here."}
            </p>
            <p role="status" className="sr-only">
              {pending ? "Holding your time and opening the payment page." : ""}
            </p>
          </form>
        </IntakeGate>
      </div>
    </div>
  );
}
