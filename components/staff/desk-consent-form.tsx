"use client";

// The client signed the consent at the clinic: staff record it here, on paper or the clinic tablet,
// with the name the client signed (the account's name) and the version they read.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export function DeskConsentForm({
  clientId,
  bookingId,
  version,
  accountName,
  action,
}: {
  clientId: string;
  bookingId?: string;
  version: number;
  accountName: string | null;
  action: FormAction<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);
  if (state.ok && state.message) {
    return (
      <Alert ref={alertRef} tabIndex={-1}>
        {state.message}
      </Alert>
    );
  }
  const methodErrors = state.fieldErrors?.method;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="version" value={version} />
      {bookingId ? <input type="hidden" name="bookingId" value={bookingId} /> : null}
      {state.formError ? (
        <Alert tone="error" title="Consent not recorded" ref={alertRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <fieldset aria-describedby={methodErrors ? "desk-consent-method-error" : undefined}>
        <legend className="font-semibold">The client signed version {version}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(
            [
              ["PAPER", "On paper"],
              ["TABLET", "On the clinic tablet"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="method" value={value} required className="size-5" />
              {label}
            </label>
          ))}
        </div>
        {methodErrors ? (
          <p id="desk-consent-method-error" className="text-sm font-medium text-alert-700">
            {methodErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Name as signed"
        name="signedName"
        id={`desk-consent-name-${clientId}`}
        hint={`It must match the account's name${accountName ? ` (${accountName})` : ""}; capitals and spaces don't matter.`}
        autoComplete="off"
        maxLength={200}
        required
        errors={state.fieldErrors?.signedName}
      />
      <div>
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Recording…" : "Record the signed consent"}
        </Button>
      </div>
    </form>
  );
}
