"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { PasswordChangeState } from "@/lib/auth/account-schemas";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { FormResult } from "./form-result";
import { useFocusOnResult } from "./use-focus-on-result";
import type { FormAction } from "@/lib/forms/action-state";

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A short phrase of unrelated words is easy to remember and hard to guess.`;

export function PasswordChangeForm({ action: changePassword }: { action: FormAction<PasswordChangeState> }) {
  const [state, action, pending] = useActionState<PasswordChangeState, FormData>(changePassword, { ok: false });
  const { formRef, messageRef } = useFocusOnResult(state);
  return (
    // Keyed by the outcome, so a successful change empties the password fields.
    <form key={state.message ?? "form"} ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <FormResult state={state} messageRef={messageRef} />
      <Field
        id="field-password-current-password"
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={NEW_PASSWORD_HINT}
        errors={state.fieldErrors?.newPassword}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
