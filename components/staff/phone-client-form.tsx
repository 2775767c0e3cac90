"use client";

// A new client for a phone booking: name, email and phone. An email the clinic already knows is
// that client (the server picks them instead of making a second account).
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction, PhoneClientFormState } from "@/lib/forms/action-state";

export function PhoneClientForm({ action }: { action: FormAction<PhoneClientFormState> }) {
  const [state, formAction, pending] = useActionState<PhoneClientFormState, FormData>(action, { ok: false });
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="flex max-w-md flex-col gap-4">
      {state.formError ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <Field
        label="Name"
        name="name"
        autoComplete="off"
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
        required
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        hint="Their confirmation (and any payment link) goes here. They can set a password later with “Forgot password”."
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
      />
      <Field
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="off"
        defaultValue={state.values?.phone}
        errors={state.fieldErrors?.phone}
        required
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save client and continue"}
        </Button>
      </div>
    </form>
  );
}
