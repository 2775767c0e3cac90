"use client";

import { useActionState } from "react";
import { FormResult } from "@/components/account/form-result";
import { useFocusOnResult } from "@/components/account/use-focus-on-result";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ForgotPasswordState } from "@/lib/auth/account-schemas";
import type { FormAction } from "@/lib/forms/action-state";

export function ForgotPasswordForm({ action: requestLink }: { action: FormAction<ForgotPasswordState> }) {
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(requestLink, { ok: false });
  const { formRef, messageRef } = useFocusOnResult(state);
  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <FormResult state={state} messageRef={messageRef} />
      <Field
        key={`email-${state.values?.email ?? ""}`}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : state.ok ? "Send another link" : "Send me a link"}
      </Button>
    </form>
  );
}
