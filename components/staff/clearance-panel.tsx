"use client";

// A client's doctor's clearances: the list (active, lapsed, revoked), revoking one after a
// confirmation, and the form to record a new one (6 months unless the doctor said otherwise, at most
// 12). The form keeps what was typed when it is refused.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export interface ClearanceRow {
  id: string;
  question: string;
  clearedBy: string;
  clearedOn: string; // formatted
  validUntil: string; // formatted
  note: string | null;
  recordedBy: string;
  status: "active" | "lapsed" | "revoked";
  revokedNote?: string; // "Revoked by … on …"
}

const STATUS_WORDS = {
  active: { label: "In force", className: "bg-teal-100 text-teal-800" },
  lapsed: { label: "Lapsed", className: "bg-stone-200 text-stone-800" },
  revoked: { label: "Revoked", className: "bg-amber-100 text-amber-900" },
} as const;

function RevokeButton({
  clientId,
  clearanceId,
  action,
}: {
  clientId: string;
  clearanceId: string;
  action: FormAction<ActionState>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  if (state.ok) return <p role="status">{state.message}</p>;
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="clearanceId" value={clearanceId} />
      <p className="font-semibold" id={`revoke-${clearanceId}`}>
        Revoke this clearance? The client can then no longer book online for it.
      </p>
      <Button type="submit" disabled={pending} aria-describedby={`revoke-${clearanceId}`}>
        {pending ? "Revoking…" : "Yes, revoke"}
      </Button>
      <Button type="button" variant="quiet" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {state.formError ? (
        <p role="alert" className="w-full text-sm font-medium text-alert-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}

export function ClearancePanel({
  clientId,
  clearances,
  questions,
  today,
  defaultValidUntil,
  maxMonths,
  recordAction,
  revokeAction,
}: {
  clientId: string;
  clearances: ClearanceRow[];
  questions: readonly { id: string; label: string }[];
  today: string;
  defaultValidUntil: string;
  maxMonths: number;
  recordAction: FormAction<ActionState>;
  revokeAction: FormAction<ActionState>;
}) {
  const empty = { questionId: "", clearedBy: "", clearedOn: today, validUntil: "", note: "" };
  const [values, setValues] = useState(empty);
  // A recorded clearance empties the form for the next one; a refused one keeps what was typed.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await recordAction(previous, formData);
      if (result.ok) setValues(empty);
      return result;
    },
    { ok: false },
  );
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);
  const errors = (name: string) => state.fieldErrors?.[name];
  const bind = (name: keyof typeof values) => ({
    name,
    id: `clearance-${name}`,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    errors: errors(name),
  });

  return (
    <div className="flex flex-col gap-6">
      {clearances.length === 0 ? (
        <p className="text-muted">No doctor&apos;s clearance recorded.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {clearances.map((clearance) => (
            <li key={clearance.id} className="rounded-xl bg-white p-4 ring-1 ring-teal-600/15">
              <p className="flex flex-wrap items-center gap-2 font-semibold">
                {clearance.question}
                <span
                  className={`rounded-full px-2 py-0.5 text-sm font-semibold ${STATUS_WORDS[clearance.status].className}`}
                >
                  {STATUS_WORDS[clearance.status].label}
                </span>
              </p>
              <p className="mt-1">
                Cleared by {clearance.clearedBy} on {clearance.clearedOn}; valid until {clearance.validUntil}.
              </p>
              {clearance.note ? <p className="mt-1 whitespace-pre-line text-sm">{clearance.note}</p> : null}
              <p className="mt-1 text-sm text-muted">
                Recorded by {clearance.recordedBy}.{clearance.revokedNote ? ` ${clearance.revokedNote}` : ""}
              </p>
              {clearance.status === "active" ? (
                <div className="mt-2">
                  <RevokeButton clientId={clientId} clearanceId={clearance.id} action={revokeAction} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <form action={formAction} className="flex flex-col gap-4" noValidate aria-labelledby="clearance-form-heading">
        <h3 id="clearance-form-heading" className="text-lg font-semibold">
          Record a doctor&apos;s clearance
        </h3>
        <input type="hidden" name="clientId" value={clientId} />
        {state.formError ? (
          <Alert tone="error" title="Clearance not recorded" ref={alertRef} tabIndex={-1}>
            {state.formError}
          </Alert>
        ) : state.ok && state.message ? (
          <Alert ref={alertRef} tabIndex={-1}>
            {state.message}
          </Alert>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="clearance-questionId" className="font-semibold">
            Cleared for
          </label>
          <select
            id="clearance-questionId"
            name="questionId"
            value={values.questionId}
            onChange={(event) => setValues((current) => ({ ...current, questionId: event.target.value }))}
            aria-invalid={errors("questionId") ? true : undefined}
            aria-describedby={errors("questionId") ? "clearance-questionId-error" : undefined}
            required
            className="min-h-11 w-full rounded-lg border border-control bg-white px-3 py-2 text-base"
          >
            <option value="">Choose the condition</option>
            {questions.map((question) => (
              <option key={question.id} value={question.id}>
                {question.label}
              </option>
            ))}
          </select>
          {errors("questionId") ? (
            <p id="clearance-questionId-error" className="text-sm font-medium text-alert-700">
              {errors("questionId")?.join(" ")}
            </p>
          ) : null}
        </div>
        <Field
          label="Doctor or clinic who gave the go-ahead"
          maxLength={200}
          autoComplete="off"
          required
          {...bind("clearedBy")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Date of the go-ahead" type="date" max={today} required {...bind("clearedOn")} />
          <Field
            label="Valid until (optional)"
            type="date"
            min={today}
            hint={`Leave empty for 6 months after the go-ahead (${defaultValidUntil} if dated today); at most ${maxMonths} months.`}
            {...bind("validUntil")}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="clearance-note" className="font-semibold">
            Note (optional)
          </label>
          <textarea
            id="clearance-note"
            name="note"
            rows={3}
            maxLength={1000}
            value={values.note}
            onChange={(event) => setValues((current) => ({ ...current, note: event.target.value }))}
            className="rounded-lg border border-control bg-white px-3 py-2 text-base"
          />
          {errors("note") ? <p className="text-sm font-medium text-alert-700">{errors("note")?.join(" ")}</p> : null}
        </div>
        <div>
          <Button type="submit" disabled={pending} className="min-h-12">
            {pending ? "Recording…" : "Record clearance"}
          </Button>
        </div>
      </form>
    </div>
  );
}
