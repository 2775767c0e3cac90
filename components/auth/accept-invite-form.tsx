"use client";

// The invited therapist chooses a password (the same policy as every account), then signs in.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { AcceptInviteState } from "@/lib/auth/schemas";
import type { FormAction } from "@/lib/forms/action-state";

export function AcceptInviteForm({
  token,
  email,
  action,
}: {
  token: string;
  email: string;
  action: FormAction<AcceptInviteState>;
}) {
  const [state, formAction, pending] = useActionState<AcceptInviteState, FormData>(action, { ok: false });
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
    else if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  if (state.ok) {
    return (
      <div className="flex flex-col gap-4">
        <Alert title="Your password is set">Sign in with {state.values?.email ?? email} and your new password.</Alert>
        <div>
          <ButtonLink href="/sign-in?callbackUrl=%2Fstaff">Sign in</ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      {state.formError ? (
        <Alert tone="error" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <p>
        Your account: <strong>{email}</strong>
      </p>
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase of unrelated words works well.`}
        errors={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
