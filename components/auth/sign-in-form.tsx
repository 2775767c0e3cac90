"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction, SignInState } from "@/lib/auth/schemas";

export function SignInForm({
  action: signInAction,
  callbackUrl,
}: {
  action: FormAction<SignInState>;
  callbackUrl?: string;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { ok: false });
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // After a failed submission, take keyboard and screen-reader users to what went wrong: the message,
  // or else the first field that needs correcting (its error is announced with it).
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
    else if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="flex flex-col gap-5"
      aria-describedby={state.formError ? "sign-in-error" : undefined}
    >
      {state.formError ? (
        <Alert id="sign-in-error" ref={errorRef} tabIndex={-1} tone="error">
          {state.formError}
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
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
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p>
        <Link
          className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
          href="/forgot-password"
        >
          Forgot password?
        </Link>
      </p>
      <p className="text-muted">
        New here?{" "}
        <Link
          className="font-semibold text-teal-800 underline"
          href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
