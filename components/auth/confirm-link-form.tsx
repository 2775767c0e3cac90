"use client";

// The button behind an emailed confirmation link. Opening the link changes nothing by itself (mail
// scanners open links too); pressing the button does.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import type { ButtonActionState } from "@/lib/auth/account-schemas";

export function ConfirmLinkForm({
  token,
  label,
  action: confirm,
  next,
}: {
  token: string;
  label: string;
  action: (previous: ButtonActionState, formData: FormData) => Promise<ButtonActionState>;
  next: { href: string; label: string };
}) {
  const [state, action, pending] = useActionState<ButtonActionState, FormData>(confirm, { ok: false });
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError || state.message) messageRef.current?.focus();
  }, [state]);
  if (state.ok) {
    return (
      <div className="flex flex-col gap-5">
        <Alert ref={messageRef} tabIndex={-1}>
          {state.message}
        </Alert>
        <ButtonLink href={next.href}>{next.label}</ButtonLink>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-5">
      {state.formError ? (
        <Alert ref={messageRef} tabIndex={-1} tone="error">
          {state.formError}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? "Confirming…" : label}
      </Button>
    </form>
  );
}
