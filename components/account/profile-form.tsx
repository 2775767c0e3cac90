"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ProfileState } from "@/lib/auth/account-schemas";
import { FormResult } from "./form-result";
import { useFocusOnResult } from "./use-focus-on-result";
import type { FormAction } from "@/lib/forms/action-state";

export function ProfileForm({
  action: saveProfile,
  initial,
}: {
  action: FormAction<ProfileState>;
  initial: { name: string; phone: string };
}) {
  const [state, action, pending] = useActionState<ProfileState, FormData>(saveProfile, { ok: false });
  const { formRef, messageRef } = useFocusOnResult(state);
  const values = state.values ?? initial;
  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <FormResult state={state} messageRef={messageRef} />
      <Field
        key={`name-${values.name ?? ""}`}
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={values.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        key={`phone-${values.phone ?? ""}`}
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={30}
        hint="So we can reach you if your appointment has to move."
        defaultValue={values.phone}
        errors={state.fieldErrors?.phone}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}
