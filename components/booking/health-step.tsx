"use client";

// The health screening, rendered from the questionnaire (lib/clinical/questionnaire.ts): the signs
// that need a doctor first, then the health history, each follow-up asked only after a yes. An
// answer that stops the booking shows where to get care at once (no continue, no payment); a caution
// shows what the therapist will check. A returning client sees their last answers and answers every
// question again. Answers are kept in this tab only (intake-storage.ts); the server screens them again.
import { Fragment, useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { intakeSchema, type IntakeAnswers } from "@/lib/booking/intake";
import {
  CURRENT_QUESTIONNAIRE,
  CURRENT_QUESTIONNAIRE_VERSION,
  answerErrors,
  keptAnswers,
  screen,
  type Question,
  type Screening,
  type StopOutcome,
} from "@/lib/clinical/questionnaire";
import { saveIntakeDraft, useIntakeDraft, type IntakeDraft } from "./intake-storage";
import { SCREENING_STOP_HEADING_ID, ScreeningStop } from "./screening-stop";
import { STEP_HEADING_ID, StepHeading } from "./step-heading";
import { YesNoQuestion } from "./yes-no-question";

/** The client's answers from their last booking, shown back for a re-confirmation. */
export interface PreviousAnswers {
  /** When they were given, as the client reads it ("November 4"). */
  answeredOn: string;
  answers: Record<string, boolean>;
}

// Signs that need a doctor (911 or today) come first; everything else is the health history.
const isUrgent = (question: Question) => question.outcomes.yes === "emergency" || question.outcomes.yes === "same_day";
export const URGENT_QUESTIONS = CURRENT_QUESTIONNAIRE.questions.filter(isUrgent);
export const HISTORY_QUESTIONS = CURRENT_QUESTIONNAIRE.questions.filter((question) => !isUrgent(question));

/** The screening of the answers so far: one rule (screen), unanswered counted as "no". */
export function screenDraft(draft: IntakeDraft, serviceSlug?: string): Screening {
  return screen(draft.answers ?? {}, { serviceSlug });
}

/** The answers to send, when complete and allowed to book; null otherwise. */
export function completeIntake(draft: IntakeDraft, serviceSlug?: string): IntakeAnswers | null {
  const parsed = intakeSchema.safeParse({
    version: CURRENT_QUESTIONNAIRE_VERSION,
    answers: keptAnswers(draft.answers ?? {}),
    ...(draft.medications?.trim() ? { medications: draft.medications } : {}),
    ...(draft.notes?.trim() ? { notes: draft.notes } : {}),
  });
  if (!parsed.success) return null;
  return screen(parsed.data.answers, { serviceSlug }).stops ? null : parsed.data;
}

const lastAnswer = (previous: PreviousAnswers | null | undefined, id: string) => {
  const answer = previous?.answers[id];
  return answer === undefined ? undefined : `Last time (${previous!.answeredOn}) you said: ${answer ? "Yes" : "No"}`;
};

function TextArea({
  name,
  label,
  hint,
  value,
  maxLength,
  error,
  onChange,
}: {
  name: "medications" | "notes";
  label: string;
  hint: string;
  value: string;
  maxLength: number;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = `intake-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1.5 py-4">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        className="rounded-lg border border-control bg-white px-3 py-2 text-base aria-invalid:border-alert-700"
      />
      {error ? (
        <p id={errorId} className="text-sm font-medium text-alert-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function HealthStep({
  onContinue,
  onStop,
  continueLabel,
  serviceSlug,
  previous,
}: {
  onContinue: () => void;
  onStop: () => Promise<void>;
  continueLabel: string;
  serviceSlug?: string;
  previous?: PreviousAnswers | null;
}) {
  const { draft } = useIntakeDraft();
  const answers = draft.answers ?? {};
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const screening = screenDraft(draft, serviceSlug);
  const stop = screening.stops ? screening : null;
  const cautionOf = (id: string) => screening.cautions.find((caution) => caution.questionId === id)?.note;
  // The stop shows after the section holding its first trigger, and nothing after it is asked.
  const stopsInUrgent =
    stop !== null &&
    URGENT_QUESTIONS.some(
      (question) =>
        stop.triggers.includes(question.id) ||
        (question.followUps ?? []).some((followUp) => stop.triggers.includes(followUp.id)),
    );

  // Once per stop shown: the clinic keeps a record that screening turned a booking away.
  const stopReported = useRef(false);
  const isStopped = stop !== null;
  useEffect(() => {
    if (!isStopped) {
      stopReported.current = false;
      return;
    }
    if (stopReported.current) return;
    stopReported.current = true;
    // The stop box appears below the questions, out of sight on a phone: bring it into view and
    // take focus to its heading, so the change is seen (and read out) where the client is.
    requestAnimationFrame(() => {
      const heading = document.getElementById(SCREENING_STOP_HEADING_ID);
      if (!heading) return;
      const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      heading.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
      heading.focus({ preventScroll: true });
    });
    onStop().catch(() => {
      // The guidance on screen matters; a missing log line must not disturb it.
    });
  }, [isStopped, onStop]);

  const update = (patch: IntakeDraft) => {
    saveIntakeDraft({ ...draft, ...patch });
    if (errors) setErrors(null);
  };
  const answer = (id: string, value: boolean) => update({ answers: { ...answers, [id]: value } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = answerErrors(answers);
    const notes = intakeSchema.safeParse({
      version: CURRENT_QUESTIONNAIRE_VERSION,
      answers: keptAnswers(answers),
      ...(draft.medications?.trim() ? { medications: draft.medications } : {}),
      ...(draft.notes?.trim() ? { notes: draft.notes } : {}),
    });
    const found: Record<string, string> = { ...missing };
    if (!notes.success) {
      for (const issue of notes.error.issues) {
        const key = issue.path[0] === "answers" ? String(issue.path[1]) : String(issue.path[0]);
        found[key] ??= issue.message;
      }
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      // Take keyboard users to the first question still open; its error is announced with it.
      requestAnimationFrame(() => {
        const invalid = formRef.current?.querySelector<HTMLElement>("[data-unanswered], [aria-invalid='true']");
        (invalid ?? summaryRef.current)?.focus();
      });
      return;
    }
    if (screenDraft(draft, serviceSlug).stops) return; // the stop box is already showing
    onContinue();
  };

  const missingCount = errors ? Object.keys(errors).length : 0;
  const unanswered = answerErrors(answers);

  const renderQuestion = (question: Question) => (
    <Fragment key={question.id}>
      <YesNoQuestion
        name={question.id}
        question={question.text}
        help={question.help}
        last={lastAnswer(previous, question.id)}
        value={answers[question.id]}
        error={errors?.[question.id]}
        onChange={(value) => answer(question.id, value)}
      >
        <div aria-live="polite">
          {cautionOf(question.id) && !stop ? (
            <p className="mt-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800">
              <strong>What we&apos;ll do:</strong> {cautionOf(question.id)}
            </p>
          ) : null}
        </div>
      </YesNoQuestion>
      {answers[question.id] === true
        ? (question.followUps ?? []).map((followUp) => (
            <div key={followUp.id} className="ml-2 border-l-4 border-teal-600/30 pl-4">
              <YesNoQuestion
                name={followUp.id}
                question={followUp.text}
                help={followUp.help}
                last={lastAnswer(previous, followUp.id)}
                value={answers[followUp.id]}
                error={errors?.[followUp.id]}
                onChange={(value) => answer(followUp.id, value)}
              />
            </div>
          ))
        : null}
    </Fragment>
  );

  const stopNotice = stop ? (
    <p
      className={`mt-3 rounded-lg px-3 py-2 font-semibold ${
        stop.outcome === "emergency" || stop.outcome === "same_day"
          ? "bg-alert-50 text-alert-700"
          : "bg-teal-50 text-teal-800"
      }`}
    >
      We can&apos;t book this online — see what to do below.
    </p>
  ) : null;
  const stopBox = stop ? (
    <div className="mt-6">
      <ScreeningStop outcome={stop.outcome as StopOutcome} />
    </div>
  ) : null;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={STEP_HEADING_ID}>
      <StepHeading description="A few questions keep your massage safe. Your answers stay in this browser tab until you book; only your therapist and the clinic's staff see them.">
        Health questions
      </StepHeading>

      {previous ? (
        <div className="mb-4">
          <Alert title={`Anything changed since ${previous.answeredOn}?`}>
            <p>
              Under each question you&apos;ll see what you told us then. Please answer every question again for today,
              even if nothing has changed.
            </p>
          </Alert>
        </div>
      ) : null}

      {errors ? (
        <div className="mb-4">
          <Alert ref={summaryRef} tabIndex={-1} tone="error" title="Some answers are missing">
            {missingCount === 1
              ? "Please answer the question marked below."
              : `Please answer the ${missingCount} questions marked below.`}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="red-flags-heading" className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
        <h3 id="red-flags-heading" className="text-xl font-semibold">
          First, signs that need a doctor
        </h3>
        <p className="mt-1 text-sm text-muted">
          Right now, or in the time given. If any answer is yes, a massage could be unsafe until a doctor has seen you.
        </p>
        {URGENT_QUESTIONS.map(renderQuestion)}
        {stopsInUrgent ? stopNotice : null}
      </section>

      {stopsInUrgent ? (
        stopBox
      ) : (
        <>
          <section
            aria-labelledby="history-heading"
            className="mt-6 rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6"
          >
            <h3 id="history-heading" className="text-xl font-semibold">
              Your health history
            </h3>
            <p className="mt-1 text-sm text-muted">
              Most of these tell your therapist what to check and how to adapt the treatment. A few need a doctor&apos;s
              go-ahead first, or a visit when you feel well.
            </p>
            {HISTORY_QUESTIONS.map(renderQuestion)}
            {stop ? stopNotice : null}
            {stop ? null : (
              <>
                <TextArea
                  name="medications"
                  label="Medicines you take (optional)"
                  hint="Especially anything for blood pressure, diabetes or blood clotting."
                  value={draft.medications ?? ""}
                  maxLength={500}
                  error={errors?.medications}
                  onChange={(value) => update({ medications: value })}
                />
                <TextArea
                  name="notes"
                  label="Anything else your therapist should know? (optional)"
                  hint="For example, an area to avoid or the pressure you like."
                  value={draft.notes ?? ""}
                  maxLength={1000}
                  error={errors?.notes}
                  onChange={(value) => update({ notes: value })}
                />
              </>
            )}
          </section>
          {stop ? (
            stopBox
          ) : (
            <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center">
              <Button type="submit">{continueLabel}</Button>
              {Object.keys(unanswered).length > 0 ? (
                <p className="text-sm text-muted">Answer every question to continue.</p>
              ) : null}
            </div>
          )}
        </>
      )}
    </form>
  );
}
