"use client";

// The last step of a phone booking: the time, the same health questionnaire the online booking asks
// (read to the client; follow-ups only after a yes), and how they pay. An answer that stops the
// booking shows the same guidance as the booking page, when the booking page would (stopToShow: 911
// or a doctor today at once, a calmer stop once every question is answered), and takes the payment
// and the Book button away; every question stays on screen and can still be changed (a misheard
// answer is corrected, a later one can only make the guidance more urgent). The server screens again. A returning client's last answers are shown beside each question for a yes/no
// re-confirmation, never prefilled. Every answer is held in this form's state, so a refused
// submission loses nothing.
import { Fragment, useActionState, useEffect, useRef, useState } from "react";
import { ScreeningStop } from "@/components/booking/screening-stop";
import { YesNoQuestion } from "@/components/booking/yes-no-question";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { HISTORY_QUESTIONS, URGENT_QUESTIONS, type PreviousAnswers } from "@/components/booking/health-step";
import { keptAnswers, screen, stopToShow, type Question, type StopOutcome } from "@/lib/clinical/questionnaire";
import type { FormAction, PhoneBookingState } from "@/lib/forms/action-state";

export interface PhoneBookingSlot {
  start: string;
  label: string;
}

export function PhoneBookingForm({
  clientId,
  clientName,
  service,
  therapistId,
  slots,
  price,
  action,
  previous,
  clearedQuestionIds = [],
}: {
  clientId: string;
  clientName: string;
  service: string;
  therapistId: string;
  slots: PhoneBookingSlot[];
  price: string;
  action: FormAction<PhoneBookingState>;
  /** The client's last answers (under 6 months old), read back for a yes/no re-confirmation. */
  previous?: PreviousAnswers | null;
  /** Conditions the client's doctor's go-ahead on file clears. */
  clearedQuestionIds?: readonly string[];
}) {
  const [state, formAction, pending] = useActionState<PhoneBookingState, FormData>(action, { status: "idle" });
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [start, setStart] = useState<string>("");
  const [payment, setPayment] = useState<"link" | "desk" | "">("");
  const [medications, setMedications] = useState("");
  const [notes, setNotes] = useState("");
  const [copied, setCopied] = useState(false);
  // The server's refusal stands until an answer changes (then the form screens the new answers).
  const [editedAfter, setEditedAfter] = useState<PhoneBookingState | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== "idle") resultRef.current?.focus();
  }, [state]);

  const screening = screen(answers, { serviceSlug: service, clearedQuestionIds });
  const shownStop = stopToShow(keptAnswers(answers), { serviceSlug: service, clearedQuestionIds });
  const blocked: StopOutcome | null = shownStop
    ? shownStop.outcome
    : state.status === "blocked" && editedAfter !== state
      ? state.outcome
      : null;
  const setAnswer = (id: string, value: boolean) => {
    setAnswers((current) => ({ ...current, [id]: value }));
    setEditedAfter(state);
  };
  const cautionOf = (id: string) => screening.cautions.find((caution) => caution.questionId === id)?.note;
  const lastAnswer = (id: string) => {
    const answer = previous?.answers[id];
    return answer === undefined ? undefined : `Last time (${previous!.answeredOn}): ${answer ? "Yes" : "No"}`;
  };
  const renderQuestion = (question: Question) => (
    <Fragment key={question.id}>
      <YesNoQuestion
        name={question.id}
        question={question.text}
        help={question.help}
        last={lastAnswer(question.id)}
        value={answers[question.id]}
        error={errors[question.id]?.[0]}
        onChange={(value) => setAnswer(question.id, value)}
      >
        {cautionOf(question.id) && !blocked ? (
          <p className="mt-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800">
            <strong>The therapist will:</strong> {cautionOf(question.id)}
          </p>
        ) : null}
      </YesNoQuestion>
      {answers[question.id] === true
        ? (question.followUps ?? []).map((followUp) => (
            <div key={followUp.id} className="ml-2 border-l-4 border-teal-600/30 pl-4">
              <YesNoQuestion
                name={followUp.id}
                question={followUp.text}
                help={followUp.help}
                last={lastAnswer(followUp.id)}
                value={answers[followUp.id]}
                error={errors[followUp.id]?.[0]}
                onChange={(value) => setAnswer(followUp.id, value)}
              />
            </div>
          ))
        : null}
    </Fragment>
  );
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  if (state.status === "booked") {
    return (
      <div ref={resultRef} tabIndex={-1} className="flex flex-col gap-4">
        <Alert title={state.payment === "link" ? "Booked: payment link sent" : "Booked: to be paid at the desk"}>
          {state.payment === "link" ? (
            <p>
              {state.when} is held for {clientName}. We emailed the payment link to {state.clientEmail}
              {state.payBy ? `; it works until ${state.payBy}` : ""}. Once paid, the booking is confirmed and they get
              their confirmation.
            </p>
          ) : (
            <p>
              {clientName} is booked for {state.when}. They pay {price} at the desk; we emailed their confirmation to{" "}
              {state.clientEmail}.
            </p>
          )}
        </Alert>
        {state.checkoutUrl ? (
          <div className="flex flex-col gap-2">
            <label htmlFor="payment-link" className="font-semibold">
              Payment link (to read out or send another way)
            </label>
            <div className="flex flex-wrap gap-2">
              <input
                id="payment-link"
                readOnly
                value={state.checkoutUrl}
                className="min-h-11 w-full max-w-xl rounded-lg border border-control bg-white px-3 font-mono text-sm"
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  navigator.clipboard?.writeText(state.checkoutUrl as string).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  );
                }}
              >
                Copy link
              </Button>
            </div>
            <p aria-live="polite" className="text-sm text-muted">
              {copied ? "Copied." : ""}
            </p>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={`/staff/appointments/${encodeURIComponent(state.bookingId)}`}>
            Open the appointment
          </ButtonLink>
          <ButtonLink href="/staff/book" variant="secondary">
            Book for another client
          </ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="therapistId" value={therapistId} />

      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {state.status === "error" ? (
          <Alert tone="error" title="Not booked yet">
            {state.formError}
          </Alert>
        ) : null}
      </div>

      <fieldset className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Time</legend>
        {slots.length === 0 ? (
          <p className="mt-2">No free times on this day. Choose another day above.</p>
        ) : (
          <div className="mt-2 flex flex-wrap gap-2" aria-describedby={errors.start ? "start-error" : undefined}>
            {slots.map((slot) => (
              <label
                key={slot.start}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-full border border-control bg-white px-4 py-2 has-checked:border-teal-600 has-checked:bg-teal-50 has-checked:font-semibold"
              >
                <input
                  type="radio"
                  name="start"
                  value={slot.start}
                  checked={start === slot.start}
                  onChange={() => setStart(slot.start)}
                  className="h-5 w-5 accent-teal-600"
                />
                {slot.label}
              </label>
            ))}
          </div>
        )}
        {errors.start ? (
          <p id="start-error" className="mt-2 text-sm font-medium text-alert-700">
            {errors.start.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <section aria-labelledby="phone-red-flags" className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <h2 id="phone-red-flags" className="text-xl font-semibold">
          Health screening: ask the client
        </h2>
        <p className="mt-1 text-sm text-muted">
          The same questions as online booking, those that can need a doctor today first. Ask every question: the worst
          answer decides.
        </p>
        {previous ? (
          <p className="mt-2 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800">
            Returning client: read each question and their answer from {previous.answeredOn}, and ask whether anything
            has changed. Record today&apos;s answer for every question.
          </p>
        ) : null}
        {URGENT_QUESTIONS.map(renderQuestion)}
      </section>

      <section aria-labelledby="phone-history" className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <h2 id="phone-history" className="text-xl font-semibold">
          Health history
        </h2>
        {HISTORY_QUESTIONS.map(renderQuestion)}
        <label className="mt-3 flex flex-col gap-1.5 font-semibold">
          Medicines they take (optional)
          <textarea
            name="medications"
            rows={2}
            maxLength={500}
            value={medications}
            onChange={(event) => setMedications(event.target.value)}
            className="rounded-lg border border-control bg-white px-3 py-2 font-normal"
          />
        </label>
        <label className="mt-3 flex flex-col gap-1.5 font-semibold">
          Anything else the therapist should know (optional)
          <textarea
            name="notes"
            rows={2}
            maxLength={1000}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            className="rounded-lg border border-control bg-white px-3 py-2 font-normal"
          />
        </label>
      </section>

      {blocked ? (
        <div className="flex flex-col gap-3" data-testid="phone-screening-stop">
          <p className="font-semibold">We can&apos;t book this. Read the guidance below to the client.</p>
          <ScreeningStop outcome={blocked} />
        </div>
      ) : (
        <>
          <fieldset className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
            <legend className="px-1 text-xl font-semibold">Payment of {price}</legend>
            <div className="mt-2 flex flex-col gap-2">
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-control bg-white px-4 py-3 has-checked:border-teal-600 has-checked:bg-teal-50">
                <input
                  type="radio"
                  name="payment"
                  value="link"
                  checked={payment === "link"}
                  onChange={() => setPayment("link")}
                  className="mt-1 h-5 w-5 accent-teal-600"
                />
                <span>
                  <span className="block font-semibold">Send a payment link</span>
                  The time is held and the client pays online from the emailed link; unpaid, it is released.
                </span>
              </label>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-control bg-white px-4 py-3 has-checked:border-teal-600 has-checked:bg-teal-50">
                <input
                  type="radio"
                  name="payment"
                  value="desk"
                  checked={payment === "desk"}
                  onChange={() => setPayment("desk")}
                  className="mt-1 h-5 w-5 accent-teal-600"
                />
                <span>
                  <span className="block font-semibold">Pay at the desk</span>
                  Confirmed now; the client pays when they come, and you record it on the appointment.
                </span>
              </label>
            </div>
            {errors.payment ? (
              <p className="mt-2 text-sm font-medium text-alert-700">{errors.payment.join(" ")}</p>
            ) : null}
          </fieldset>

          <div>
            <Button type="submit" disabled={pending || slots.length === 0} className="min-h-12 px-6 text-lg">
              {pending ? "Booking…" : payment === "link" ? "Book and send the link" : "Book"}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
