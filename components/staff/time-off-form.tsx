"use client";

// Adding time off: a start and an end typed in the clinic's zone (named on the form), and an
// optional reason. Controlled, so a refused save keeps what was typed; a refusal because visits
// are booked in that time lists them with links.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { StrandedVisits } from "./stranded-visits";
import type { AdminFormState, FormAction } from "@/lib/forms/action-state";

export function TimeOffForm({
  therapistId,
  zoneName,
  action,
}: {
  therapistId: string;
  zoneName: string;
  action: FormAction<AdminFormState>;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { ok: false });
  const [values, setValues] = useState({ startsAt: "", endsAt: "", reason: "" });
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);

  const bind = (name: keyof typeof values) => ({
    name,
    id: `time-off-${name}`,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    errors: state.fieldErrors?.[name],
  });

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="therapistId" value={therapistId} />
      {state.formError ? (
        <Alert tone="error" title="Time off not added" ref={alertRef} tabIndex={-1}>
          {state.formError}
          {state.stranded ? <StrandedVisits visits={state.stranded} /> : null}
        </Alert>
      ) : state.ok && state.message ? (
        <Alert ref={alertRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={`Starts (${zoneName})`} type="datetime-local" required {...bind("startsAt")} />
        <Field label={`Ends (${zoneName})`} type="datetime-local" required {...bind("endsAt")} />
      </div>
      <Field
        label="Reason (optional)"
        hint="Shown to staff only."
        maxLength={200}
        autoComplete="off"
        {...bind("reason")}
      />
      <div>
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Adding…" : "Add time off"}
        </Button>
      </div>
    </form>
  );
}
