"use client";

// Deleting the account, in two steps: the page has said what happens; this form asks for the current
// password and the word DELETE typed out, so it can't be done by a slip or from a borrowed browser.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { DeleteAccountState, FormAction } from "@/lib/forms/action-state";
import { DELETE_CONFIRMATION_WORD } from "@/lib/auth/account-schemas";

export function DeleteAccountForm({
  action,
  consequence,
}: {
  action: FormAction<DeleteAccountState>;
  consequence: string;
}) {
  const [state, formAction, pending] = useActionState<DeleteAccountState, FormData>(action, { ok: false });
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const errorRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
    );
  }

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Delete your account?
      </h3>
      <p>{consequence}</p>
      {state.formError ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <Field
        label="Your current password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <Field
        label={`Type ${DELETE_CONFIRMATION_WORD} to confirm`}
        name="confirmation"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        errors={state.fieldErrors?.confirmation}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Deleting your account…" : "Delete my account for good"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Keep my account
        </Button>
      </div>
    </form>
  );
}
