"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EmailChangeState } from "@/lib/auth/account-schemas";
import { FormResult } from "./form-result";
import { useFocusOnResult } from "./use-focus-on-result";
import type { FormAction } from "@/lib/forms/action-state";

export function EmailChangeForm({ action: requestChange }: { action: FormAction<EmailChangeState> }) {
  const [state, action, pending] = useActionState<EmailChangeState, FormData>(requestChange, { ok: false });
  const { formRef, messageRef } = useFocusOnResult(state);
  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <FormResult state={state} messageRef={messageRef} />
      <Field
        key={`new-email-${state.values?.newEmail ?? ""}`}
        label="New email"
        name="newEmail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.ok ? undefined : state.values?.newEmail}
        errors={state.fieldErrors?.newEmail}
      />
      <Field
        id="field-email-current-password"
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        hint="To make sure it's you."
        errors={state.fieldErrors?.currentPassword}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send confirmation link"}
        </Button>
      </div>
    </form>
  );
}
