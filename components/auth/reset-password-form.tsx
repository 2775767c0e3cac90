"use client";

import { useActionState } from "react";
import { NEW_PASSWORD_HINT } from "@/components/account/password-change-form";
import { FormResult } from "@/components/account/form-result";
import { useFocusOnResult } from "@/components/account/use-focus-on-result";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ResetPasswordState } from "@/lib/auth/account-schemas";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { FormAction } from "@/lib/forms/action-state";

export function ResetPasswordForm({ token, action: reset }: { token: string; action: FormAction<ResetPasswordState> }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(reset, { ok: false });
  const { formRef, messageRef } = useFocusOnResult(state);
  if (state.ok) {
    return (
      <div className="flex flex-col gap-5">
        <FormResult state={state} messageRef={messageRef} />
        <ButtonLink href="/sign-in">Sign in</ButtonLink>
      </div>
    );
  }
  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <FormResult state={state} messageRef={messageRef} />
      <input type="hidden" name="token" value={token} />
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
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
