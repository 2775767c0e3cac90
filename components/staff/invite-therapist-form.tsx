"use client";

// Invite a therapist: name, email and title. The server creates the account with its therapist
// profile and emails a link to choose a password. What was typed comes back after a refusal.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction, TeamFormState } from "@/lib/forms/action-state";

const DEFAULT_TITLE = "Licensed Massage Therapist";

export function InviteTherapistForm({ action }: { action: FormAction<TeamFormState> }) {
  const [state, formAction, pending] = useActionState<TeamFormState, FormData>(action, { ok: false });
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError && !state.fieldErrors) errorRef.current?.focus();
    else if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  const typed = (name: string, fallback = "") => state.values?.[name] ?? fallback;

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4">
      <div aria-live="polite">{state.ok && state.message ? <Alert>{state.message}</Alert> : null}</div>
      {state.formError && !state.fieldErrors ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          key={`name-${typed("name")}`}
          label="Name"
          id="invite-name"
          name="name"
          autoComplete="off"
          required
          defaultValue={typed("name")}
          errors={state.fieldErrors?.name}
        />
        <Field
          key={`email-${typed("email")}`}
          label="Email"
          id="invite-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={typed("email")}
          errors={state.fieldErrors?.email}
        />
        <Field
          key={`title-${typed("title", DEFAULT_TITLE)}`}
          label="Title"
          id="invite-title"
          name="title"
          autoComplete="off"
          required
          defaultValue={typed("title", DEFAULT_TITLE)}
          errors={state.fieldErrors?.title}
        />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
