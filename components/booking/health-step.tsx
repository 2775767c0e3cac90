"use client";

// The health screening: the red-flag questions first, then the history. A "yes" to any red flag ends
// the online booking at once (no continue, no payment); history answers show what the therapist
// will check. Answers are kept in this tab only (intake-storage.ts); the server screens them again.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  ALL_NO_ANSWERS,
  HISTORY_QUESTIONS,
  RED_FLAG_QUESTIONS,
  intakeSchema,
  screenIntake,
  type HistoryItem,
  type IntakeAnswers,
  type RedFlag,
} from "@/lib/booking/intake";
import { saveIntakeDraft, useIntakeDraft, type IntakeDraft } from "./intake-storage";
import { SCREENING_STOP_HEADING_ID, ScreeningStop } from "./screening-stop";
import { STEP_HEADING_ID, StepHeading } from "./step-heading";
import { YesNoQuestion } from "./yes-no-question";

const RED_FLAGS = Object.keys(RED_FLAG_QUESTIONS) as RedFlag[];
const HISTORY = Object.keys(HISTORY_QUESTIONS) as HistoryItem[];

const NO_ANSWERS = ALL_NO_ANSWERS;

/** The screening result of the answers so far: one rule (screenIntake), unanswered counted as "no". */
export function screenDraft(draft: IntakeDraft) {
  return screenIntake({ ...NO_ANSWERS, ...draft });
}

/** The stored answers, when complete and allowed to book; null otherwise. */
export function completeIntake(draft: IntakeDraft): IntakeAnswers | null {
  const parsed = intakeSchema.safeParse(draft);
  if (!parsed.success) return null;
  return screenIntake(parsed.data).outcome === "proceed" ? parsed.data : null;
}

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
}: {
  onContinue: () => void;
  onStop: () => Promise<void>;
  continueLabel: string;
}) {
  const { draft } = useIntakeDraft();
  const [errors, setErrors] = useState<Partial<Record<keyof IntakeAnswers, string[]>> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const redFlagsAnswered = RED_FLAGS.filter((flag) => draft[flag] !== undefined).length;
  const screening = screenDraft(draft);
  const blocked = screening.outcome === "blocked" ? screening : null;
  const cautions = screening.outcome === "proceed" ? screening.cautions : [];

  // Once per stop shown: the clinic keeps a record that screening turned a booking away.
  const stopReported = useRef(false);
  const isBlocked = blocked !== null;
  useEffect(() => {
    if (!isBlocked) {
      stopReported.current = false;
      return;
    }
    if (stopReported.current) return;
    stopReported.current = true;
    // The stop box appears below the red-flag questions, out of sight on a phone: bring it into view
    // and take focus to its heading, so the change is seen (and read out) where the client is.
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
  }, [isBlocked, onStop]);

  const update = (patch: IntakeDraft) => {
    saveIntakeDraft({ ...draft, ...patch });
    if (errors) setErrors(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = intakeSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      // Take keyboard users to the first question still open; its error is announced with it.
      requestAnimationFrame(() => {
        const invalid = formRef.current?.querySelector<HTMLElement>("[data-unanswered], [aria-invalid='true']");
        (invalid ?? summaryRef.current)?.focus();
      });
      return;
    }
    if (screenIntake(parsed.data).outcome !== "proceed") return; // the stop box is already showing
    onContinue();
  };

  const missing = errors ? Object.keys(errors).length : 0;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={STEP_HEADING_ID}>
      <StepHeading description="A few questions keep your massage safe. Your answers stay in this browser tab until you book; only your therapist and the clinic's staff see them.">
        Health questions
      </StepHeading>

      {errors ? (
        <div className="mb-4">
          <Alert ref={summaryRef} tabIndex={-1} tone="error" title="Some answers are missing">
            {missing === 1
              ? "Please answer the question marked below."
              : `Please answer the ${missing} questions marked below.`}
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
        {RED_FLAGS.map((flag) => (
          <YesNoQuestion
            key={flag}
            name={flag}
            question={RED_FLAG_QUESTIONS[flag]}
            value={draft[flag]}
            error={errors?.[flag]?.[0]}
            onChange={(value) => update({ [flag]: value })}
          />
        ))}
        {blocked ? (
          <p
            className={`mt-3 rounded-lg px-3 py-2 font-semibold ${
              blocked.urgency === "clearance" ? "bg-teal-50 text-teal-800" : "bg-alert-50 text-alert-700"
            }`}
          >
            We can&apos;t book this online — see what to do below.
          </p>
        ) : null}
      </section>

      {blocked ? (
        <div className="mt-6">
          <ScreeningStop urgency={blocked.urgency} />
        </div>
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
              These don&apos;t stop a booking. They tell your therapist what to check and how to adapt the treatment.
            </p>
            {HISTORY.map((item) => {
              const caution = cautions.find((entry) => entry.item === item);
              return (
                <YesNoQuestion
                  key={item}
                  name={item}
                  question={HISTORY_QUESTIONS[item]}
                  value={draft[item]}
                  error={errors?.[item]?.[0]}
                  onChange={(value) => update({ [item]: value })}
                >
                  <div aria-live="polite">
                    {caution ? (
                      <p className="mt-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800">
                        <strong>What we&apos;ll do:</strong> {caution.note}
                      </p>
                    ) : null}
                  </div>
                </YesNoQuestion>
              );
            })}
            <TextArea
              name="medications"
              label="Medicines you take (optional)"
              hint="Especially anything for blood pressure, diabetes or blood clotting."
              value={draft.medications ?? ""}
              maxLength={500}
              error={errors?.medications?.[0]}
              onChange={(value) => update({ medications: value })}
            />
            <TextArea
              name="notes"
              label="Anything else your therapist should know? (optional)"
              hint="For example, an area to avoid or the pressure you like."
              value={draft.notes ?? ""}
              maxLength={1000}
              error={errors?.notes?.[0]}
              onChange={(value) => update({ notes: value })}
            />
          </section>
          <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center">
            <Button type="submit">{continueLabel}</Button>
            {redFlagsAnswered < RED_FLAGS.length ? (
              <p className="text-sm text-muted">Answer every question to continue.</p>
            ) : null}
          </div>
        </>
      )}
    </form>
  );
}
